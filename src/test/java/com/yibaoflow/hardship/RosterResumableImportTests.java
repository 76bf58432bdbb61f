package com.yibaoflow.hardship;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue #16 §3: a department roster import survives a crash like the claims import. It is one transaction, so a run
 * cut short leaves no version, no entry and no row error, only the import RUNNING with its kept file; a node that
 * finds its worker gone runs it again, and the version is there once with every row's outcome once. The rosters are
 * veterans affairs' of 贵池区 (341702), which no other test uploads.
 */
@IntegrationTest
class RosterResumableImportTests {

    static final String REGION = "341702";
    static final String DEPARTMENT = "veterans-affairs";

    @Autowired
    RosterImportService service;

    @Autowired
    RosterImports imports;

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

    /** {@code rows} data rows (file rows 2…rows+1): row 4 has a wrong check digit, the last repeats row 2's person. */
    record Upload(Path file, String fileName, int rows) {}

    Upload rosterFile(int rows) {
        StringBuilder csv = new StringBuilder("身份证号码,姓名,困难类别,认定起始日期\n");
        String first = null;
        for (int i = 0; i < rows; i++) {
            int fileRow = i + 2;
            String id = TestIds.number(LocalDate.of(1920, 1, 1).plusDays(i / 900), i % 900);
            if (fileRow == 2) {
                first = id;
            }
            if (fileRow == 4) {
                id = TestIds.withWrongCheckDigit(id);
            }
            if (fileRow == rows + 1) {
                id = first;
            }
            csv.append(id).append(",优抚").append(i).append(",重点优抚对象,2024-01-01\n");
        }
        Path file = uploads.keep(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "department-roster");
        return new Upload(file, "续传-" + UUID.randomUUID() + ".csv", rows);
    }

    RosterImports.Work record(Upload f) {
        return imports.record(
                DEPARTMENT, REGION, LocalDate.of(2024, 10, 1), f.fileName(), "admin", Instant.now(), f.file());
    }

    int versionsOf(Upload f) {
        return jdbc.queryForObject(
                "select count(*) from yibao.roster_version where file_name = ?", Integer.class, f.fileName());
    }

    /** Sweeps until the import is no longer RUNNING (at most 30 s); then reads it through the API. */
    JsonNode awaitEnd(long id) throws Exception {
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            service.resumeOrphaned();
                            return service.findImport(id).get("status");
                        },
                        s -> !"RUNNING".equals(s));
        return json.readTree(mvc.perform(get("/api/rosters/imports/" + id).with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    void assertLeftNothingButTheRunningImport(RosterImports.Work work, Upload f) {
        assertThat(jdbc.queryForObject("select status from yibao.roster_import where id = ?", String.class, work.id()))
                .isEqualTo("RUNNING");
        assertThat(versionsOf(f))
                .as("no version, entry or row error of an unfinished import")
                .isZero();
        assertThat(Files.exists(f.file()))
                .as("kept while the import is unfinished")
                .isTrue();
    }

    void assertCompletedOnce(Upload f, JsonNode imported) {
        assertThat(imported.get("status").asText()).isEqualTo("COMPLETED");
        long versionId = imported.get("version_id").asLong();
        assertThat(versionsOf(f)).isOne();
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.roster_entry where version_id = ?", Integer.class, versionId))
                .isEqualTo(f.rows() - 2);
        assertThat(jdbc.queryForList(
                        "select row_number from yibao.roster_import_error where version_id = ? order by row_number",
                        Integer.class,
                        versionId))
                .containsExactly(4, f.rows() + 1);
        assertThat(jdbc.queryForObject(
                        "select row_count from yibao.roster_version where id = ?", Integer.class, versionId))
                .isEqualTo(f.rows());
        assertThat(Files.exists(f.file()))
                .as("the kept file goes when the import ends")
                .isFalse();
    }

    @Test
    void aCrashJustBeforeTheVersionIsAdoptedLeavesNothingAndANodeThatTakesOverWritesTheVersionOnce() throws Exception {
        Upload f = rosterFile(50);
        RosterImports.Work work = record(f);
        AtomicInteger checks = new AtomicInteger();
        // the file is read and its entries written; the run dies at the check before the version is adopted
        assertThatThrownBy(() -> service.run(work, () -> checks.incrementAndGet() < 1))
                .isInstanceOf(RosterImportService.Unfinished.class);
        assertThat(checks).hasValue(1);
        // as if the node had died there: its worker stopped reporting an hour ago
        jdbc.update(
                "update yibao.roster_import set worker = 'a-node-that-died', heartbeat_at = now() - interval '1 hour' "
                        + "where id = ?",
                work.id());
        assertLeftNothingButTheRunningImport(work, f);

        assertCompletedOnce(f, awaitEnd(work.id()));
    }

    @Test
    void anImportStoppedWhileItsFileStreamsIsReleasedAndRunAgainAtTheNextSweep() throws Exception {
        Upload f = rosterFile(RosterFile.STOP_CHECK_ROWS + 20);
        RosterImports.Work work = record(f);

        assertThatThrownBy(() -> service.run(work, () -> false)) // an orderly stop at row 10 000
                .isInstanceOf(RosterImportService.Unfinished.class);

        assertThat(jdbc.queryForObject("select worker from yibao.roster_import where id = ?", String.class, work.id()))
                .as("released for the next start")
                .isNull();
        assertLeftNothingButTheRunningImport(work, f);

        assertCompletedOnce(f, awaitEnd(work.id()));
    }

    @Test
    void anImportWhoseWorkerStillReportsIsNotTakenOver() {
        Upload f = rosterFile(3);
        RosterImports.Work work = record(f);
        jdbc.update("update yibao.roster_import set worker = 'a-live-node' where id = ?", work.id());

        service.resumeOrphaned();

        assertThat(jdbc.queryForObject("select worker from yibao.roster_import where id = ?", String.class, work.id()))
                .isEqualTo("a-live-node");
        assertThat(versionsOf(f)).isZero();
        jdbc.update("update yibao.roster_import set status = 'FAILED', file_path = null where id = ?", work.id());
        uploads.discard(f.file());
    }

    @Test
    void anImportWhoseKeptFileIsGoneFailsWithThatReason() throws Exception {
        Upload f = rosterFile(3);
        RosterImports.Work work = record(f);
        jdbc.update("update yibao.roster_import set worker = null where id = ?", work.id());
        Files.delete(f.file());

        JsonNode imported = awaitEnd(work.id());

        assertThat(imported.get("status").asText()).isEqualTo("FAILED");
        assertThat(imported.get("failure").asText()).contains("kept for this import is gone");
        assertThat(versionsOf(f)).isZero();
    }

    @Test
    void aRunTakenOverAfterALateHeartbeatRollsBackWithoutEndingTheImportAndTheRunThatTookOverWritesTheVersionOnce()
            throws Exception {
        Upload f = rosterFile(50);
        RosterImports.Work work = record(f);
        AtomicReference<RosterImports.Work> second = new AtomicReference<>();

        // once the file is read, the run's heartbeat is late and another node takes the import over; it goes on
        assertThatThrownBy(() -> service.run(work, () -> {
                    if (second.get() == null) {
                        second.set(new LateHeartbeats(jdbc, node, transactions)
                                .takeOver(
                                        RosterImports.TABLE,
                                        work.id(),
                                        imports::takeOverOrphaned,
                                        RosterImports.Work::lease));
                    }
                    return true;
                }))
                .isInstanceOf(RosterImportService.Unfinished.class)
                .hasMessageContaining("taken over");

        assertThat(jdbc.queryForObject("select failure from yibao.roster_import where id = ?", String.class, work.id()))
                .isNull();
        assertLeftNothingButTheRunningImport(work, f);

        service.run(second.get(), () -> true);

        assertCompletedOnce(f, awaitEnd(work.id()));
    }

    @Test
    void aLateRunNeverTurnsACompletedImportIntoFailed() throws Exception {
        Upload f = rosterFile(5);
        RosterImports.Work work = record(f);
        RosterImports.Work second = new LateHeartbeats(jdbc, node, transactions)
                .takeOver(RosterImports.TABLE, work.id(), imports::takeOverOrphaned, RosterImports.Work::lease);
        service.run(second, () -> true); // completes the import and discards its file
        String ended = "select status, failure, finished_at, version_id from yibao.roster_import where id = ?";
        var completed = jdbc.queryForMap(ended, work.id());

        assertThatThrownBy(() -> service.run(work, () -> true)) // finds the file gone
                .isInstanceOf(RosterImportService.Unfinished.class);

        assertThat(jdbc.queryForMap(ended, work.id())).isEqualTo(completed);
        assertCompletedOnce(f, awaitEnd(work.id()));
    }
}
