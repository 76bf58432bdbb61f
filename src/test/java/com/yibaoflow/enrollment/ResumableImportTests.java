package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.imports.ImportNode;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.testsupport.ImportPolling;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.LateHeartbeats;
import com.yibaoflow.testsupport.TestIds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue #16 §3: a township roster import keeps its file, records how far it has committed, and is resumed from its
 * last committed batch when its worker is gone; rows are neither lost nor counted twice.
 */
@IntegrationTest
@InCollectionPeriod
class ResumableImportTests {

    @Autowired
    ResumableImports service;

    @Autowired
    EnrollmentImports imports;

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

    /**
     * 2 × BATCH + 30 data rows (file rows 2…431): row 5 has a bad ID number, row 420 names the person of row 3 again.
     * So 428 cases start and 2 rows are rejected, however often the import is interrupted.
     */
    record Roster(Path file, int rows, String firstPerson) {}

    Roster roster(LocalDate firstBirthday) {
        int rows = 2 * EnrollmentImportService.BATCH + 30;
        StringBuilder csv = new StringBuilder("身份证号码,姓名\n");
        String third = null;
        for (int i = 0; i < rows; i++) {
            int fileRow = i + 2;
            String id = TestIds.bornOn(firstBirthday.plusDays(i));
            if (fileRow == 3) {
                third = id;
            }
            if (fileRow == 5) {
                id = "34172119800101000X"; // wrong check digit
            }
            if (fileRow == 420) {
                id = third;
            }
            csv.append(id).append(",续传").append(i).append('\n');
        }
        Path file = uploads.keep(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "enrollment-roster");
        return new Roster(file, rows, third);
    }

    EnrollmentImports.Work create(Roster roster, String worker) {
        long id = imports.create(
                "ROSTER",
                "续传.csv",
                "341721",
                2025,
                "东流镇",
                roster.file(),
                "medical-security-user",
                worker,
                Instant.now());
        return EnrollmentImports.fresh(id, "ROSTER", roster.file(), "341721", 2025, "东流镇", "medical-security-user");
    }

    /** Runs the import in this thread and stops it at its first batch boundary, as an orderly shutdown does. */
    void runFirstBatchOnly(EnrollmentImports.Work work) {
        service.run(work, () -> false);
    }

    /** Another node's sweep takes the import over, as when this node's heartbeat came late (a new lease). */
    EnrollmentImports.Work takeOverAsIfLate(long id) {
        return new LateHeartbeats(jdbc, node, transactions)
                .takeOver(EnrollmentImports.TABLE, id, imports::claimOrphaned, EnrollmentImports.Work::lease);
    }

    JsonNode awaitEnd(long id) throws Exception {
        return ImportPolling.awaitEnd(
                mvc, json, "/api/enrollments/imports/" + id, as(Department.MEDICAL_SECURITY), service::resumeOrphaned);
    }

    void assertCompletedOnce(long id, Roster roster, JsonNode result) {
        assertThat(result.at("/status/status").asText()).isEqualTo("COMPLETED");
        assertThat(result.at("/status/total").asInt()).isEqualTo(roster.rows());
        assertThat(result.at("/status/started").asInt()).isEqualTo(roster.rows() - 2);
        assertThat(result.at("/status/rejected").asInt()).isEqualTo(2);
        assertThat(result.at("/status/processed").asInt()).isEqualTo(roster.rows());
        List<Integer> rejectedRows = jdbc.queryForList(
                "select row_number from yibao.enrollment_import_error where import_id = ? order by row_number",
                Integer.class,
                id);
        assertThat(rejectedRows).containsExactly(5, 420);
        assertThat(jdbc.queryForObject(
                        "select reason from yibao.enrollment_import_error where import_id = ? and row_number = 420",
                        String.class,
                        id))
                .isEqualTo("「身份证号码」与本文件第 3 行是同一人");
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.enrollment_case where import_id = ?", Integer.class, id))
                .isEqualTo(roster.rows() - 2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.enrollment_case where id_number = ?",
                        Integer.class,
                        roster.firstPerson()))
                .isOne();
        assertThat(Files.exists(roster.file()))
                .as("the kept file goes when the import ends")
                .isFalse();
    }

    @Test
    void anImportStoppedAtABatchBoundaryIsReleasedAndResumedAfterItsLastCommittedRow() throws Exception {
        Roster roster = roster(LocalDate.of(1931, 1, 1));
        EnrollmentImports.Work work = create(roster, "this-node");

        runFirstBatchOnly(work);

        var stopped = jdbc.queryForMap(
                "select status, worker, committed_row, started from yibao.enrollment_import where id = ?", work.id());
        assertThat(stopped.get("status")).isEqualTo("RUNNING");
        assertThat(stopped.get("worker")).as("released for the next start").isNull();
        // the first batch: 200 good rows + the bad row 5 = file rows 2…202
        assertThat(stopped.get("committed_row")).isEqualTo(202);
        assertThat(stopped.get("started")).isEqualTo(EnrollmentImportService.BATCH);
        assertThat(Files.exists(roster.file()))
                .as("kept while the import is unfinished")
                .isTrue();

        assertCompletedOnce(work.id(), roster, awaitEnd(work.id()));
    }

    @Test
    void aCrashBetweenABatchsCasesAndItsProgressCountsThatBatchOnce() throws Exception {
        Roster roster = roster(LocalDate.of(1932, 6, 1));
        EnrollmentImports.Work work = create(roster, "this-node");
        runFirstBatchOnly(work);
        // as if the node died after the batch's cases committed and before its progress did: nothing recorded, and a
        // worker that stopped reporting an hour ago
        jdbc.update("delete from yibao.enrollment_import_error where import_id = ?", work.id());
        jdbc.update(
                "update yibao.enrollment_import set total = 0, processed = 0, started = 0, rejected = 0, "
                        + "committed_row = 0, worker = 'a-node-that-died', heartbeat_at = now() - interval '1 hour' "
                        + "where id = ?",
                work.id());

        assertCompletedOnce(work.id(), roster, awaitEnd(work.id()));
    }

    @Test
    void anImportWhoseWorkerStillReportsIsNotTakenOver() {
        Roster roster = roster(LocalDate.of(1933, 3, 1));
        EnrollmentImports.Work work = create(roster, "a-live-node");

        service.resumeOrphaned();

        var row = jdbc.queryForMap("select status, worker, total from yibao.enrollment_import where id = ?", work.id());
        assertThat(row.get("worker")).isEqualTo("a-live-node");
        assertThat(row.get("total")).isEqualTo(0);
        jdbc.update("update yibao.enrollment_import set status = 'FAILED', file_path = null where id = ?", work.id());
        uploads.discard(roster.file());
    }

    @Test
    void anImportWhoseKeptFileIsGoneFailsWithThatReason() throws Exception {
        Roster roster = roster(LocalDate.of(1934, 3, 1));
        EnrollmentImports.Work work = create(roster, null);
        Files.delete(roster.file());

        JsonNode result = awaitEnd(work.id());

        assertThat(result.at("/status/status").asText()).isEqualTo("FAILED");
        assertThat(result.at("/status/failure").asText()).contains("kept for this import is gone");
    }

    @Test
    void aRunTakenOverAfterALateHeartbeatStopsAtItsNextBatchWithoutEndingTheImportAndTheRunThatTookOverCompletesIt()
            throws Exception {
        Roster roster = roster(LocalDate.of(1936, 1, 1));
        EnrollmentImports.Work work = create(roster, node.worker());
        AtomicReference<EnrollmentImports.Work> second = new AtomicReference<>();

        // after its first batch, the run's heartbeat is late and another node takes the import over; it goes on
        service.run(work, () -> {
            if (second.get() == null) {
                second.set(takeOverAsIfLate(work.id()));
            }
            return true;
        });

        var left = jdbc.queryForMap(
                "select status, failure, committed_row, started, lease_generation from yibao.enrollment_import "
                        + "where id = ?",
                work.id());
        assertThat(left.get("status"))
                .as("neither COMPLETED nor FAILED by the run taken over")
                .isEqualTo("RUNNING");
        assertThat(left.get("failure")).isNull();
        assertThat(left.get("lease_generation")).isEqualTo(1L);
        assertThat(left.get("committed_row"))
                .as("nothing after the first batch")
                .isEqualTo(202);
        assertThat(left.get("started")).isEqualTo(EnrollmentImportService.BATCH);
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.enrollment_case where import_id = ?", Integer.class, work.id()))
                .as("the run taken over took in no second batch")
                .isEqualTo(EnrollmentImportService.BATCH);
        assertThat(Files.exists(roster.file()))
                .as("kept for the run that took over")
                .isTrue();

        service.run(second.get(), () -> true);

        assertCompletedOnce(work.id(), roster, awaitEnd(work.id()));
    }

    @Test
    void aLateRunNeverTurnsACompletedImportIntoFailedNorRecordsItsRowsAgain() throws Exception {
        Roster roster = roster(LocalDate.of(1938, 1, 1));
        EnrollmentImports.Work work = create(roster, node.worker());

        // the runs overlap: the node that took over completes the import (and discards its file) while the first
        // run is between two batches; the first run then goes on, late
        service.run(work, () -> {
            if (jdbc.queryForObject("select status from yibao.enrollment_import where id = ?", String.class, work.id())
                    .equals("RUNNING")) {
                service.run(takeOverAsIfLate(work.id()), () -> true);
            }
            return true;
        });
        assertCompletedOnce(work.id(), roster, awaitEnd(work.id()));
        String ended = "select status, failure, finished_at from yibao.enrollment_import where id = ?";
        var completed = jdbc.queryForMap(ended, work.id());

        // and a run of the old lease that only starts now finds the file gone: the import stays as it ended
        service.run(work, () -> true);

        assertThat(jdbc.queryForMap(ended, work.id())).isEqualTo(completed);
        assertThat(completed.get("failure")).isNull();
        assertCompletedOnce(work.id(), roster, awaitEnd(work.id()));
    }
}
