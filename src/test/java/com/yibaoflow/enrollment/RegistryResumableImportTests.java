package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue #16 §3: a registry import (here the employee insurance extract, R-ELIG-02) keeps its file, commits each
 * batch's rows together with its counters and last row, and is resumed after its last committed batch when its worker
 * is gone: every row's outcome is counted once and no record is written twice. The people are born in 1925–1926
 * (no other test's), so the records change no other test's enrollments.
 */
@IntegrationTest
class RegistryResumableImportTests {

    @Autowired
    ResumableImports runner;

    @Autowired
    EnrollmentImports imports;

    @Autowired
    EmployeeInsuranceExtract employeeInsurance;

    @Autowired
    RegistryImportService registries;

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

    /** 2 × BATCH + 30 data rows (file rows 2…431) of people with the sequence; row 5 has a wrong check digit. */
    record Extract(String csv, List<String> people) {
        int rows() {
            return people.size();
        }
    }

    Extract extract(int sequence) {
        int rows = 2 * EnrollmentImportService.BATCH + 30;
        StringBuilder csv = new StringBuilder("身份证号码,姓名,参保开始日期,参保终止日期,单位名称\n");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String id = TestIds.number(LocalDate.of(1925, 1, 1).plusDays(i), sequence);
            people.add(id);
            csv.append(i + 2 == 5 ? TestIds.withWrongCheckDigit(id) : id)
                    .append(",职工")
                    .append(i)
                    .append(",2020-01-01,,池州某公司\n");
        }
        return new Extract(csv.toString(), people);
    }

    EnrollmentImports.Work start(Extract extract, String worker) {
        Path file = uploads.keep(
                new ByteArrayInputStream(extract.csv().getBytes(StandardCharsets.UTF_8)), "employee_insurance");
        long id = imports.create(
                employeeInsurance.code(), "职工参保.csv", "341721", null, null, file, "admin", worker, Instant.now());
        return EnrollmentImports.fresh(id, employeeInsurance.code(), file, "341721", null, null, "admin");
    }

    int recordsOf(Extract extract) {
        return jdbc.queryForObject(
                "select count(*) from yibao.employee_insurance_record where id_number = any (?)",
                Integer.class,
                (Object) extract.people().toArray(String[]::new));
    }

    RegistryImportService.Report awaitEnd(long id) {
        return Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(
                        () -> {
                            runner.resumeOrphaned();
                            return registries.find(id);
                        },
                        r -> !r.status().equals("RUNNING"));
    }

    void assertCompletedOnce(RegistryImportService.Report report, Extract extract, Path file) {
        assertThat(report.status()).isEqualTo("COMPLETED");
        assertThat(report.total()).isEqualTo(extract.rows());
        assertThat(report.imported()).isEqualTo(extract.rows() - 1);
        assertThat(report.unchanged()).isZero();
        assertThat(report.rejected()).isOne();
        assertThat(report.errors())
                .extracting(RegistryImportService.RowError::rowNumber)
                .containsExactly(5);
        assertThat(recordsOf(extract)).isEqualTo(extract.rows() - 1);
        assertThat(Files.exists(file))
                .as("the kept file goes when the import ends")
                .isFalse();
    }

    @Test
    void anImportStoppedAtABatchBoundaryIsResumedAfterItsLastCommittedBatchAndCountsEveryRowOnce() {
        Extract extract = extract(950);
        EnrollmentImports.Work work = start(extract, "this-node");

        runner.run(work, () -> false); // an orderly stop after the first batch

        var stopped = jdbc.queryForMap(
                "select status, worker, committed_row, started from yibao.enrollment_import where id = ?", work.id());
        assertThat(stopped.get("status")).isEqualTo("RUNNING");
        assertThat(stopped.get("worker")).as("released for the next start").isNull();
        // the first batch: 200 good rows + the bad row 5 = file rows 2…202, committed with their records
        assertThat(stopped.get("committed_row")).isEqualTo(202);
        assertThat(stopped.get("started")).isEqualTo(EnrollmentImportService.BATCH);
        assertThat(recordsOf(extract)).isEqualTo(EnrollmentImportService.BATCH);

        assertCompletedOnce(awaitEnd(work.id()), extract, work.file());
    }

    @Test
    void aNodeThatDiedMidImportIsTakenOverAndTheImportCompletesOnce() {
        Extract extract = extract(951);
        EnrollmentImports.Work work = start(extract, "this-node");
        runner.run(work, () -> false);
        // as if the node had died after its first batch: a worker that stopped reporting an hour ago
        jdbc.update(
                "update yibao.enrollment_import set worker = 'a-node-that-died', heartbeat_at = now() - interval "
                        + "'1 hour' where id = ?",
                work.id());

        assertCompletedOnce(awaitEnd(work.id()), extract, work.file());
    }

    @Test
    void anImportWhoseWorkerStillReportsIsNotTakenOver() {
        Extract extract = extract(952);
        EnrollmentImports.Work work = start(extract, "a-live-node");

        runner.resumeOrphaned();

        assertThat(registries.find(work.id()).total()).isZero();
        assertThat(recordsOf(extract)).isZero();
        jdbc.update("update yibao.enrollment_import set status = 'FAILED', file_path = null where id = ?", work.id());
        uploads.discard(work.file());
    }

    @Test
    void theApiRecordsTheImportAndAFileSentAgainChangesNothing() throws Exception {
        String id = TestIds.number(LocalDate.of(1926, 12, 1), 953);
        String csv = "身份证号码,姓名,参保开始日期\n" + id + ",周一,2021-05-01\n";
        var upload = multipart("/api/registries/employee-insurance/imports")
                .file(new MockMultipartFile("file", "职工.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as(Department.MEDICAL_SECURITY));
        long importId = json.readTree(mvc.perform(upload)
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.status").value("COMPLETED"))
                        .andExpect(jsonPath("$.imported").value(1))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .get("importId")
                .asLong();
        mvc.perform(get("/api/registries/imports/" + importId).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(upload)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unchanged").value(1));
        mvc.perform(get("/api/registries/imports/0").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBatchOfARunTakenOverAfterALateHeartbeatIsRolledBackWithItsRecordsAndTheRunThatTookOverCountsEveryRowOnce() {
        Extract extract = extract(954);
        EnrollmentImports.Work work = start(extract, node.worker());
        AtomicReference<EnrollmentImports.Work> second = new AtomicReference<>();

        // after its first batch, the run's heartbeat is late and another node takes the import over; it goes on
        runner.run(work, () -> {
            if (second.get() == null) {
                second.set(new LateHeartbeats(jdbc, node, transactions)
                        .takeOver(
                                EnrollmentImports.TABLE,
                                work.id(),
                                imports::claimOrphaned,
                                EnrollmentImports.Work::lease));
            }
            return true;
        });

        var left = jdbc.queryForMap(
                "select status, failure, committed_row, started from yibao.enrollment_import where id = ?", work.id());
        assertThat(left.get("status"))
                .as("neither COMPLETED nor FAILED by the run taken over")
                .isEqualTo("RUNNING");
        assertThat(left.get("failure")).isNull();
        assertThat(left.get("committed_row")).isEqualTo(202);
        assertThat(recordsOf(extract))
                .as("the second batch's records rolled back with its progress")
                .isEqualTo(EnrollmentImportService.BATCH);
        assertThat(Files.exists(work.file()))
                .as("kept for the run that took over")
                .isTrue();

        runner.run(second.get(), () -> true);

        // imported, not unchanged: no record of the run taken over was left behind
        assertCompletedOnce(awaitEnd(work.id()), extract, work.file());
    }
}
