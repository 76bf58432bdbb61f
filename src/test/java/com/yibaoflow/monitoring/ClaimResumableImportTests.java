package com.yibaoflow.monitoring;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.imports.ImportNode;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.LateHeartbeats;
import com.yibaoflow.testsupport.TestIds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue #19 §1: a claims import survives a crash like the enrollment imports. The import is one transaction, so a
 * run cut short leaves no claim and no row error, only the import RUNNING with its kept file; a node that finds its
 * worker gone runs it again, and the claims are there once.
 */
@IntegrationTest
class ClaimResumableImportTests {

    @Autowired
    ClaimImportService service;

    @Autowired
    ClaimImportRecords records;

    @Autowired
    KeptUploads uploads;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ImportNode node;

    @Autowired
    PlatformTransactionManager transactions;

    final String prefix = "R" + UUID.randomUUID().toString().substring(0, 8) + "-";

    /**
     * {@code claims} data rows (file rows 2…claims+1) of one person: row 4 has a wrong check digit, the last row
     * repeats the claim id of row 2. So claims − 2 claims are loaded and 2 rows rejected, however the run is cut.
     */
    record ClaimsFile(Path file, int claims, String person) {}

    ClaimsFile claimsFile(int claims) {
        String person = TestIds.adult();
        StringBuilder csv = new StringBuilder(ClaimImportTests.HEADER);
        for (int i = 0; i < claims; i++) {
            int fileRow = i + 2;
            String id = fileRow == 4 ? TestIds.withWrongCheckDigit(person) : person;
            String claimId = fileRow == claims + 1 ? prefix + 0 : prefix + i;
            csv.append(claimId).append(',').append(id).append(",341721,2025-03-01,二级,100.00,90.00,50.00,0,0\n");
        }
        Path file = uploads.keep(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "claims");
        return new ClaimsFile(file, claims, person);
    }

    ClaimImportService.Work record(ClaimsFile f) {
        return service.record(f.file(), "续传.csv", Set.of("341721"), "medical-security-user");
    }

    int claimsOfThisFile() {
        return jdbc.queryForObject(
                "select count(*) from yibao.claim where claim_id like ?", Integer.class, prefix + "%");
    }

    /** Another node's sweep takes the import over, as when this node's heartbeat came late (a new lease). */
    ClaimImportService.Work takeOverAsIfLate(long id) {
        return new LateHeartbeats(jdbc, node, transactions)
                .takeOver(ClaimImportRecords.TABLE, id, records::takeOver, ClaimImportService.Work::lease);
    }

    /** Follows the import through GET /api/claims/imports/{id} until it is no longer RUNNING (at most 30 s). */
    JsonNode awaitEnd(long id) throws Exception {
        for (int i = 0; i < 300; i++) {
            service.resumeOrphaned();
            JsonNode node =
                    json.readTree(mvc.perform(get("/api/claims/imports/" + id).with(as(Department.MEDICAL_SECURITY)))
                            .andExpect(status().isOk())
                            .andReturn()
                            .getResponse()
                            .getContentAsString());
            if (!"RUNNING".equals(node.get("status").asText())) {
                return node;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("claims import " + id + " did not end");
    }

    void assertLeftNothingButTheRunningImport(ClaimImportService.Work work) {
        assertThat(jdbc.queryForObject("select status from yibao.claim_import where id = ?", String.class, work.id()))
                .isEqualTo("RUNNING");
        assertThat(claimsOfThisFile()).as("no claim of an unfinished import").isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.claim_import_error where import_id = ?", Integer.class, work.id()))
                .as("no row error of an unfinished import")
                .isZero();
        assertThat(Files.exists(work.file()))
                .as("kept while the import is unfinished")
                .isTrue();
    }

    void assertCompletedOnce(ClaimsFile f, JsonNode report) {
        assertThat(report.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(report.get("rows").asInt()).isEqualTo(f.claims());
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        assertThat(report.get("inserted").asInt()).isEqualTo(f.claims() - 2);
        List<String> errors = report.findValuesAsText("field");
        assertThat(errors).containsExactly("idNumber", "claimId");
        assertThat(report.at("/errors/1/rowNumber").asInt()).isEqualTo(f.claims() + 1);
        assertThat(report.at("/errors/1/reason").asText()).isEqualTo("「结算单号」与本文件第 2 行重复");
        assertThat(claimsOfThisFile()).isEqualTo(f.claims() - 2);
        assertThat(Files.exists(f.file()))
                .as("the kept file goes when the import ends")
                .isFalse();
    }

    @Test
    void aCrashJustBeforeTheCommitLeavesNothingAndANodeThatTakesOverLoadsTheClaimsOnce() throws Exception {
        ClaimsFile f = claimsFile(50);
        ClaimImportService.Work work = record(f);
        AtomicInteger checks = new AtomicInteger();
        // staged, checked, upserted: the run dies after the upsert, before the import is marked COMPLETED
        service.run(work, () -> checks.incrementAndGet() < 3);
        assertThat(checks).hasValue(3);
        // as if the node had died there: its worker stopped reporting an hour ago
        jdbc.update(
                "update yibao.claim_import set worker = 'a-node-that-died', heartbeat_at = now() - interval '1 hour' "
                        + "where id = ?",
                work.id());
        assertLeftNothingButTheRunningImport(work);

        assertCompletedOnce(f, awaitEnd(work.id()));
    }

    @Test
    void anImportStoppedWhileItsFileStreamsIsReleasedAndRunAgainAtTheNextSweep() throws Exception {
        ClaimsFile f = claimsFile(ClaimLoad.STOP_CHECK_ROWS + 20);
        ClaimImportService.Work work = record(f);

        service.run(work, () -> false); // an orderly stop at row 10 000

        assertThat(jdbc.queryForObject("select worker from yibao.claim_import where id = ?", String.class, work.id()))
                .as("released for the next start")
                .isNull();
        assertLeftNothingButTheRunningImport(work);

        assertCompletedOnce(f, awaitEnd(work.id()));
    }

    @Test
    void anImportWhoseWorkerStillReportsIsNotTakenOver() {
        ClaimsFile f = claimsFile(3);
        ClaimImportService.Work work = record(f);
        jdbc.update("update yibao.claim_import set worker = 'a-live-node' where id = ?", work.id());

        service.resumeOrphaned();

        assertThat(jdbc.queryForObject("select worker from yibao.claim_import where id = ?", String.class, work.id()))
                .isEqualTo("a-live-node");
        assertThat(claimsOfThisFile()).isZero();
        jdbc.update("update yibao.claim_import set status = 'FAILED', file_path = null where id = ?", work.id());
        uploads.discard(f.file());
    }

    @Test
    void anImportWhoseKeptFileIsGoneFailsWithThatReason() throws Exception {
        ClaimsFile f = claimsFile(3);
        ClaimImportService.Work work = record(f);
        jdbc.update("update yibao.claim_import set worker = null where id = ?", work.id());
        Files.delete(f.file());

        JsonNode report = awaitEnd(work.id());

        assertThat(report.get("status").asText()).isEqualTo("FAILED");
        assertThat(report.get("failure").asText()).contains("kept for this import is gone");
    }

    @Test
    void aRunTakenOverAfterALateHeartbeatRollsBackWithoutEndingTheImportAndTheRunThatTookOverLoadsTheClaimsOnce()
            throws Exception {
        ClaimsFile f = claimsFile(50);
        ClaimImportService.Work work = record(f);
        AtomicReference<ClaimImportService.Work> second = new AtomicReference<>();

        // once the file is staged, the run's heartbeat is late and another node takes the import over; it goes on
        ClaimImportService.Report first = service.run(work, () -> {
            if (second.get() == null) {
                second.set(takeOverAsIfLate(work.id()));
            }
            return true;
        });

        assertThat(first.status())
                .as("neither COMPLETED nor FAILED by the run taken over")
                .isEqualTo("RUNNING");
        assertThat(first.failure()).isNull();
        assertThat(jdbc.queryForObject(
                        "select lease_generation from yibao.claim_import where id = ?", Long.class, work.id()))
                .isOne();
        assertLeftNothingButTheRunningImport(work);

        service.run(second.get(), () -> true);

        assertCompletedOnce(f, awaitEnd(work.id()));
    }

    @Test
    void aLateRunNeverTurnsACompletedImportIntoFailedNorLoadsItsClaimsAgain() throws Exception {
        ClaimsFile f = claimsFile(20);
        ClaimImportService.Work work = record(f);
        // the node that took over completes the import and discards its file before the first run gets going
        service.run(takeOverAsIfLate(work.id()), () -> true);
        assertCompletedOnce(f, awaitEnd(work.id()));
        String ended = "select status, failure, finished_at, rows from yibao.claim_import where id = ?";
        var completed = jdbc.queryForMap(ended, work.id());

        ClaimImportService.Report late = service.run(work, () -> true); // finds the file gone

        assertThat(late.status()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForMap(ended, work.id())).isEqualTo(completed);
        assertThat(completed.get("failure")).isNull();
        assertCompletedOnce(f, awaitEnd(work.id()));
    }
}
