package com.yibaoflow.monitoring;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.hardship.HardshipProcess;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import com.yibaoflow.testsupport.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Referrals of warned people (issue #19 §3, §4, R-MON-02, R-MON-03) in 青阳县 (341723; its 2025 set is the test copy other tests activate too, and no other test has claims there), coverage
 * year 2025, parameters a copy of Dongzhi 2025: warning lines RURAL_OTHER 1.00 × 21 144 = 21 144.00, OTHER 26 000
 * absolute (no test here lists anyone on a roster, so everyone is RURAL_OTHER or OTHER). Today is Tuesday 2025-07-01,
 * 09:00; the scans run as of 2025-06-30. Deadlines: reminder after 10 working days (Tuesday 2025-07-15, 17:30),
 * escalation after 15 (Tuesday 2025-07-22, 17:30); follow-up after P3M; still at risk when the period's out-of-pocket
 * reaches 0.25 × the person's line (OTHER: 6 500.00).
 */
@IntegrationTest
class HighCostReferralTests {

    static final String REGION = "341723";
    static final LocalDate AS_OF = LocalDate.of(2025, 6, 30);
    static final String HEADER = "claimId,idNumber,regionCode,settlementDate,hospitalLevel,totalCost,policyScopeCost,"
            + "basicPaid,criticalIllnessPaid,assistancePaid,rural\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyService policies;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ShiftableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BurdenScans scans;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
        TestPolicies.ensureActive(policies, REGION, 2025);
        clock.setToday(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    void claims(String csv) throws Exception {
        mvc.perform(multipart("/api/claims/imports")
                        .file(new MockMultipartFile(
                                "file", "claims.csv", "text/csv", (HEADER + csv).getBytes(StandardCharsets.UTF_8)))
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0));
    }

    /** One claim for the person: {@code total} with {@code basic} paid by the fund, nothing else paid. */
    void claim(String idNumber, String date, String total, String basic, boolean rural) throws Exception {
        claims("C-" + System.nanoTime() + "," + idNumber + "," + REGION + "," + date + ",三级," + total + "," + total
                + "," + basic + ",0,0," + (rural ? "是" : "") + "\n");
    }

    /** A scan over REST, then the referral work it queued, done as the job executor does it a moment later. */
    JsonNode scan() throws Exception {
        JsonNode scan = json.readTree(mvc.perform(post("/api/monitoring/scans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + REGION + "\",\"coverageYear\":2025,\"asOf\":\"" + AS_OF + "\"}")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        openQueued();
        return scan;
    }

    /** Runs the jobs of every {@code high-cost-referral-openings} instance: the cases the scans queued open. */
    void openQueued() {
        openQueued(runtime, driver);
    }

    static void openQueued(RuntimeService runtime, ProcessDriver driver) {
        runtime.createProcessInstanceQuery().processDefinitionKey(ReferralOpenings.KEY).list().stream()
                .map(ProcessInstance::getId)
                .forEach(driver::runJobs);
    }

    /** A new person of group OTHER warned at 27 000.00 out-of-pocket (30 000 − 3 000 ≥ 26 000), and their case. */
    ProcessInstance referredPerson(String idNumber) throws Exception {
        claim(idNumber, "2025-03-01", "30000", "3000", false);
        scan();
        ProcessInstance pi = instanceOf(idNumber);
        driver.runJobs(pi.getId());
        return pi;
    }

    ProcessInstance instanceOf(String idNumber) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ReferralProcess.KEY)
                .processInstanceBusinessKey(ReferralProcess.businessKey(REGION, 2025, idNumber))
                .singleResult();
    }

    Map<String, Object> referral(String idNumber) {
        return jdbc.queryForMap("select * from yibao.high_cost_referral where id_number = ?", idNumber);
    }

    Task taskOf(ProcessInstance pi, Department department) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey(ReferralProcess.TASK_VERIFY)
                .taskCandidateGroup(department.groupId())
                .singleResult();
    }

    void answer(ProcessInstance pi, Department department, Map<String, Object> variables) {
        Task task = taskOf(pi, department);
        tasks.claim(task.getId(), TestUsers.userOf(department));
        tasks.complete(task.getId(), variables);
        driver.runJobs(pi.getId());
    }

    void bothAnswer(ProcessInstance pi) {
        answer(pi, Department.CIVIL_AFFAIRS, Map.of("outcome", "TEMPORARY_ASSISTANCE"));
        answer(pi, Department.AGRICULTURE_RURAL, Map.of("outcome", "NOT_ELIGIBLE", "outcomeReason", "非农业户籍"));
    }

    List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(g -> g != null)
                .toList();
    }

    long finished(ProcessInstance pi, String activityId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(activityId)
                .finished()
                .count();
    }

    // ---- the process --------------------------------------------------------------------------------------------

    @Test
    void R_MON_02_aWarnedPersonIsReferredToBothDepartmentsInParallelWithTheirCostSummary() throws Exception {
        String p = TestIds.adult();
        ProcessInstance pi = referredPerson(p);

        assertThat(pi).isWaitingAt(ReferralProcess.TASK_VERIFY);
        Task civil = taskOf(pi, Department.CIVIL_AFFAIRS);
        Task agri = taskOf(pi, Department.AGRICULTURE_RURAL);
        assertThat(civil).isNotNull();
        assertThat(agri).isNotNull();
        assertThat(groupsOf(civil)).containsExactly("civil-affairs");
        // the form's read-only facts
        assertThat(tasks.getVariable(civil.getId(), "outOfPocket")).isEqualTo("27000.00");
        assertThat(tasks.getVariable(civil.getId(), "warningLine")).isEqualTo("26000.00");
        assertThat(tasks.getVariable(civil.getId(), "populationGroupLabel")).isEqualTo("其他参保人员");
        // issue #17 item 2: the warning lines are SAMPLE figures, the costs settlement data, and the form says so
        assertThat(tasks.getVariable(civil.getId(), ReferralProcess.WARNING_LINE_PROVENANCE))
                .isEqualTo("来源：示例数据（待本地确认）");
        assertThat((String) tasks.getVariable(civil.getId(), ReferralProcess.COSTS_PROVENANCE))
                .startsWith("来源：截至")
                .contains("医保结算数据（非政策参数）");
        assertThat(civil.getDueDate()).isEqualTo(java.sql.Timestamp.valueOf("2025-07-15 17:30:00"));
        Map<String, Object> row = referral(p);
        assertThat(row.get("state")).isEqualTo("VERIFYING");
        assertThat(row.get("process_instance_id")).isEqualTo(pi.getId());
    }

    @ParameterizedTest
    @EnumSource(ReferralOutcome.class)
    void R_MON_03_eachOutcomeIsRecordedAndTheCaseGoesToFollowUp(ReferralOutcome outcome) throws Exception {
        String p = TestIds.adult();
        ProcessInstance pi = referredPerson(p);
        Map<String, Object> civil = new HashMap<>();
        civil.put("outcome", outcome.name());
        switch (outcome) {
            case MEDICAL_ASSISTANCE, LOW_INCOME_MONITORING -> civil.put("identifiedCategory", "MINIMUM_LIVING");
            case NOT_ELIGIBLE -> civil.put("outcomeReason", "家庭收入超过低保标准");
            default -> {}
        }
        answer(pi, Department.CIVIL_AFFAIRS, civil);
        assertThat(pi).isWaitingAt(ReferralProcess.TASK_VERIFY); // agriculture & rural affairs still to answer
        answer(pi, Department.AGRICULTURE_RURAL, Map.of("outcome", "CHARITY_MATCHED"));

        List<Map<String, Object>> outcomes = jdbc.queryForList(
                "select department, outcome, category, reason, decided_by from yibao.high_cost_referral_outcome "
                        + "where referral_id = ? order by department",
                referral(p).get("id"));
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).get("department")).isEqualTo("agriculture-rural");
        assertThat(outcomes.get(0).get("outcome")).isEqualTo("CHARITY_MATCHED");
        assertThat(outcomes.get(1).get("outcome")).isEqualTo(outcome.name());
        assertThat(outcomes.get(1).get("decided_by")).isEqualTo("civil-affairs-user");
        assertThat(referral(p).get("state")).isEqualTo("FOLLOWING_UP");
        assertThat(pi).isWaitingAt("Timer_FollowUp");

        String hardshipKey = "HV-" + ReferralProcess.businessKey(REGION, 2025, p);
        ProcessInstance hardship = runtime.createProcessInstanceQuery()
                .processDefinitionKey(HardshipProcess.KEY)
                .processInstanceBusinessKey(hardshipKey)
                .singleResult();
        if (outcome.mayNameCategory()) {
            // the hand-off: hardship verification of the identified category, routed to civil affairs
            assertThat(hardship).isNotNull();
            assertThat(referral(p).get("hardship_business_key")).isEqualTo(hardshipKey);
            await().untilAsserted(() -> assertThat(jdbc.queryForList(
                            "select event from yibao.case_history where business_key = ?",
                            String.class,
                            ReferralProcess.businessKey(REGION, 2025, p)))
                    .contains("REFERRAL_OUTCOME", "REFERRAL_HARDSHIP_VERIFICATION"));
            assertThat(runtime.getVariable(hardship.getId(), HardshipProcess.CLAIMED_CATEGORIES)
                            .toString())
                    .contains("MINIMUM_LIVING");
            driver.runJobs(hardship.getId());
            assertThat(tasks.createTaskQuery()
                            .processInstanceId(hardship.getId())
                            .taskDefinitionKey(HardshipProcess.TASK_VERIFY_CLAIM)
                            .taskCandidateGroup("civil-affairs")
                            .count())
                    .isEqualTo(1);
        } else {
            assertThat(hardship).isNull();
            assertThat(referral(p).get("hardship_business_key")).isNull();
        }
    }

    @Test
    void R_MON_03_anIncompleteOutcomeIsRefusedAndTheTaskStaysOpen() throws Exception {
        ProcessInstance pi = referredPerson(TestIds.adult());
        Task civil = taskOf(pi, Department.CIVIL_AFFAIRS);
        Task agri = taskOf(pi, Department.AGRICULTURE_RURAL);
        assertThatThrownBy(() -> tasks.complete(civil.getId(), Map.of("outcome", "NOT_ELIGIBLE")))
                .hasRootCauseInstanceOf(DomainException.class)
                .hasMessageContaining("outcomeReason");
        assertThatThrownBy(() -> tasks.complete(civil.getId(), Map.of("outcome", "LOW_INCOME_MONITORING")))
                .hasRootCauseInstanceOf(DomainException.class)
                .hasMessageContaining("identifiedCategory");
        // 低保 is civil affairs' category, not agriculture & rural affairs'
        assertThatThrownBy(() -> tasks.complete(
                        agri.getId(),
                        Map.of("outcome", "LOW_INCOME_MONITORING", "identifiedCategory", "MINIMUM_LIVING")))
                .hasRootCauseInstanceOf(DomainException.class)
                .hasMessageContaining("identifiedCategory");
        assertThatThrownBy(() -> tasks.complete(civil.getId(), Map.of("outcome", "MAYBE")))
                .hasRootCauseInstanceOf(DomainException.class);
        assertThat(tasks.createTaskQuery().taskId(civil.getId()).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().taskId(agri.getId()).count()).isEqualTo(1);
    }

    @Test
    void anUnansweredReferralIsRemindedThenEscalatedToTheDepartmentsSupervisors() throws Exception {
        ProcessInstance pi = referredPerson(TestIds.adult());
        Task civil = taskOf(pi, Department.CIVIL_AFFAIRS);
        Task agri = taskOf(pi, Department.AGRICULTURE_RURAL);

        driver.advance(Duration.ofDays(15), pi.getId()); // Wednesday 07-16: past 10 working days, not 15
        assertThat(finished(pi, "Task_RemindDepartment")).isEqualTo(2);
        assertThat(finished(pi, "Task_EscalateToSupervisors")).isZero();
        assertThat(groupsOf(civil)).containsExactly("civil-affairs");

        driver.advance(Duration.ofDays(7), pi.getId()); // Wednesday 07-23: past 15 working days (07-22 17:30)
        assertThat(finished(pi, "Task_EscalateToSupervisors")).isEqualTo(2);
        assertThat(groupsOf(civil)).containsExactlyInAnyOrder("civil-affairs", "civil-affairs-supervisors");
        assertThat(groupsOf(agri)).containsExactlyInAnyOrder("agriculture-rural", "agriculture-rural-supervisors");

        // a supervisor answers for the department
        Task escalated = tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskCandidateGroup("civil-affairs-supervisors")
                .singleResult();
        tasks.claim(escalated.getId(), "civilsup");
        tasks.complete(escalated.getId(), Map.of("outcome", "TEMPORARY_ASSISTANCE"));
        driver.runJobs(pi.getId());
        assertThat(jdbc.queryForObject(
                        "select decided_by from yibao.high_cost_referral_outcome where referral_id = ?"
                                + " and department = 'civil-affairs'",
                        String.class,
                        jdbc.queryForObject(
                                "select id from yibao.high_cost_referral where process_instance_id = ?",
                                Long.class,
                                pi.getId())))
                .isEqualTo("civilsup");
    }

    @Test
    void aFollowUpWithNewCostsContinuesAndOneWithoutClosesTheCase() throws Exception {
        String p = TestIds.adult();
        ProcessInstance pi = referredPerson(p);
        bothAnswer(pi);
        assertThat(pi).isWaitingAt("Timer_FollowUp");
        driver.advance(Duration.ofDays(40), pi.getId()); // 08-10: the follow-up is due 10-01
        assertThat(pi).isWaitingAt("Timer_FollowUp");
        // since the referral: 10 000 − 3 000 = 7 000.00 ≥ 0.25 × 26 000 = 6 500.00: still at risk
        claim(p, "2025-08-01", "10000", "3000", false);

        driver.advance(Duration.ofDays(53), pi.getId()); // 10-02
        assertThat(pi).isWaitingAt("Timer_FollowUp");
        Map<String, Object> first = jdbc.queryForMap(
                "select * from yibao.high_cost_referral_check where referral_id = ?",
                referral(p).get("id"));
        assertThat((java.math.BigDecimal) first.get("cost_since_referral")).isEqualByComparingTo("7000.00");
        assertThat((java.math.BigDecimal) first.get("risk_threshold")).isEqualByComparingTo("6500.00");
        assertThat(first.get("still_at_risk")).isEqualTo(true);
        assertThat(referral(p).get("state")).isEqualTo("FOLLOWING_UP");

        // three months without new claims: 0.00 < 6 500.00, no longer at risk
        driver.advance(Duration.ofDays(93), pi.getId());
        assertThat(pi).hasPassed("Task_RoutineCheck").isEnded();
        assertThat(referral(p).get("state")).isEqualTo("CLOSED");
        assertThat(jdbc.queryForList(
                        "select still_at_risk from yibao.high_cost_referral_check where referral_id = ?"
                                + " order by checked_at",
                        Boolean.class,
                        referral(p).get("id")))
                .containsExactly(true, false);
    }

    @Test
    void aClosedCaseIsNotReopenedByTheNextScanAtTheSameLine() throws Exception {
        String p = TestIds.adult();
        ProcessInstance pi = referredPerson(p);
        bothAnswer(pi);
        driver.advance(Duration.ofDays(93), pi.getId());
        assertThat(pi).isEnded();

        scan(); // the year-to-date cost is still over the line: no second case
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.high_cost_referral where id_number = ?", Integer.class, p))
                .isEqualTo(1);
    }

    @Test
    void twoConcurrentScansNeverOpenTwoReferralsForOnePersonAndYear() throws Exception {
        String p = TestIds.adult();
        claim(p, "2025-04-01", "30000", "3000", false);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<BurdenScans.Scan>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return scans.scan(REGION, 2025, AS_OF, "test");
                }));
            }
            start.countDown();
            int opened = 0;
            for (Future<BurdenScans.Scan> run : runs) {
                opened += run.get().referralsOpened();
            }
            openQueued();
            assertThat(jdbc.queryForObject(
                            "select count(*) from yibao.high_cost_referral where id_number = ?", Integer.class, p))
                    .isEqualTo(1);
            assertThat(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(ReferralProcess.businessKey(REGION, 2025, p))
                            .count())
                    .isEqualTo(1);
            assertThat(opened).isGreaterThanOrEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        // and the index itself refuses a second open case
        assertThatThrownBy(() -> jdbc.update("""
                        insert into yibao.high_cost_referral (business_key, id_number, region_code, coverage_year,
                            state, population_group, warning_line, line_reached, out_of_pocket, total_cost, basic_paid,
                            critical_paid, assistance_paid, claims, first_scan_id, last_scan_id, referred_as_of,
                            opened_at)
                        select 'HC-DUP-' || id, id_number, region_code, coverage_year, 'FOLLOWING_UP',
                            population_group, warning_line, line_reached, out_of_pocket, total_cost, basic_paid,
                            critical_paid, assistance_paid, claims, first_scan_id, last_scan_id, referred_as_of,
                            opened_at
                        from yibao.high_cost_referral where id_number = ?""", p)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void R_MON_02_aLaterScanOverAHigherLineUpdatesTheOpenCaseAndSaysSo() throws Exception {
        String p = TestIds.adult();
        // rural: 25 000 − 3 000 = 22 000.00 ≥ 21 144.00 (RURAL_OTHER), below 26 000.00
        claim(p, "2025-02-01", "25000", "3000", true);
        JsonNode first = scan();
        assertThat(referral(p).get("line_reached").toString()).isEqualTo("21144.00");
        ProcessInstance pi = instanceOf(p);
        driver.runJobs(pi.getId());

        // + 5 000 − 0: 27 000.00 ≥ 26 000.00, a higher line
        claim(p, "2025-05-01", "5000", "0", true);
        JsonNode second = scan();
        assertThat(second.get("referralsRaised").asInt()).isGreaterThanOrEqualTo(1);
        Map<String, Object> row = referral(p);
        assertThat(row.get("line_reached").toString()).isEqualTo("26000.00");
        assertThat(row.get("out_of_pocket").toString()).isEqualTo("27000.00");
        assertThat(row.get("raised_at")).isNotNull();
        assertThat(row.get("first_scan_id")).isEqualTo(first.get("id").asLong());
        assertThat(row.get("last_scan_id")).isEqualTo(second.get("id").asLong());
        assertThat(runtime.getVariable(pi.getId(), "lineReached")).isEqualTo("26000.00");
        assertThat(runtime.getVariable(pi.getId(), "outOfPocket")).isEqualTo("27000.00");

        // the case history says so (audit records case events after the commit, on its own thread)
        String key = ReferralProcess.businessKey(REGION, 2025, p);
        await().untilAsserted(() -> assertThat(jdbc.queryForList(
                        "select event from yibao.case_history where business_key = ? order by id", String.class, key))
                .containsSubsequence("REFERRAL_OPENED", "REFERRAL_RAISED"));

        scan(); // nothing new: unchanged
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.high_cost_referral where id_number = ?", Integer.class, p))
                .isEqualTo(1);
        assertThat(referral(p).get("last_scan_id")).isEqualTo(second.get("id").asLong());
    }

    // ---- REST ---------------------------------------------------------------------------------------------------

    @Test
    void theScanReportHasTheSameRowsAsCsvAndXlsx() throws Exception {
        String p = TestIds.adult();
        claim(p, "2025-03-01", "30000", "3000", false);
        JsonNode scan = scan();
        long id = scan.get("id").asLong();
        int warnings = scan.get("warnings").asInt();

        String csv = mvc.perform(get("/api/monitoring/scans/" + id + "/report")
                        .param("format", "csv")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFF公民身份号码,监测人群");
        assertThat(lines).hasSize(1 + warnings);
        assertThat(lines)
                .anyMatch(l -> l.equals(p + ",其他参保人员,,1,30000.00,3000.00,0.00,0.00,27000.00,26000.00,否,"
                        + ReferralProcess.businessKey(REGION, 2025, p) + ",VERIFYING"));

        byte[] xlsx = mvc.perform(get("/api/monitoring/scans/" + id + "/report")
                        .param("format", "xlsx")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(warnings);
            boolean found = false;
            for (Row row : sheet) {
                if (p.equals(row.getCell(0).getStringCellValue())) {
                    found = true;
                    assertThat(row.getCell(8).getStringCellValue()).isEqualTo("27000.00");
                    assertThat(row.getCell(12).getStringCellValue()).isEqualTo("VERIFYING");
                }
            }
            assertThat(found).isTrue();
        }

        mvc.perform(get("/api/monitoring/scans/" + id + "/report")
                        .param("format", "pdf")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        // a Dongzhi caseworker does not see 青阳's scan
        mvc.perform(get("/api/monitoring/scans/" + id + "/report").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isNotFound());
    }

    @Test
    void referralsAreListedByRegionStateAndTheDepartmentTheyAwait() throws Exception {
        String p = TestIds.adult();
        ProcessInstance pi = referredPerson(p);
        String key = ReferralProcess.businessKey(REGION, 2025, p);
        String path = "$.content[?(@.businessKey == '" + key + "')]";

        mvc.perform(get("/api/monitoring/referrals")
                        .param("regionCode", REGION)
                        .param("state", "VERIFYING")
                        .param("department", "civil-affairs")
                        .param("size", "200")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(path + ".awaitingDepartments[*]")
                        .value(org.hamcrest.Matchers.containsInAnyOrder("civil-affairs", "agriculture-rural")))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(200));

        answer(pi, Department.CIVIL_AFFAIRS, Map.of("outcome", "TEMPORARY_ASSISTANCE"));
        mvc.perform(get("/api/monitoring/referrals")
                        .param("regionCode", REGION)
                        .param("department", "civil-affairs")
                        .param("size", "200")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(path).isEmpty());
        mvc.perform(get("/api/monitoring/referrals")
                        .param("regionCode", REGION)
                        .param("department", "agriculture-rural")
                        .param("size", "200")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath(path + ".outcomes[0].outcome").value("TEMPORARY_ASSISTANCE"))
                .andExpect(jsonPath(path + ".idNumberMasked").value(com.yibaoflow.shared.id.ResidentIdNumber.mask(p)));

        mvc.perform(get("/api/monitoring/referrals").param("state", "OPEN").with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        // 青阳 is not Dongzhi's
        mvc.perform(get("/api/monitoring/referrals").param("regionCode", REGION).with(as(Department.CIVIL_AFFAIRS)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPersonsHistoryShowsTheBurdenByMonthTheWarningsAndTheReferralWithItsOutcomes() throws Exception {
        String p = TestIds.adult();
        claim(p, "2025-01-10", "12000", "2000", false); // January: 10 000.00 out of pocket
        ProcessInstance pi = referredPerson(p); // March: 27 000.00 more, 37 000.00 this year
        bothAnswer(pi);

        mvc.perform(get("/api/monitoring/persons/" + p).with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumberMasked").value(com.yibaoflow.shared.id.ResidentIdNumber.mask(p)))
                .andExpect(jsonPath("$.burdenByMonth.length()").value(2))
                .andExpect(jsonPath("$.burdenByMonth[0].month").value("2025-01"))
                .andExpect(jsonPath("$.burdenByMonth[0].outOfPocket").value(10000.00))
                .andExpect(jsonPath("$.burdenByMonth[1].month").value("2025-03"))
                .andExpect(jsonPath("$.burdenByMonth[1].outOfPocketYearToDate").value(37000.00))
                .andExpect(jsonPath("$.warnings[0].outOfPocket").value(37000.00))
                // issue #17 item 2: the line the scan applied, with its provenance (a SAMPLE: no seed fixes it)
                .andExpect(jsonPath("$.warnings[0].policyLabel").value(REGION + "/2025 v1"))
                .andExpect(jsonPath("$.warnings[0].provenance.warningLine[0].parameter")
                        .value(org.hamcrest.Matchers.startsWith("monitoring.warningLines.")))
                .andExpect(jsonPath("$.warnings[0].provenance.warningLine[0].state")
                        .value("SAMPLE"))
                .andExpect(jsonPath("$.referrals[0].provenance.warningLine[0].state")
                        .value("SAMPLE"))
                .andExpect(jsonPath("$.referrals.length()").value(1))
                .andExpect(jsonPath("$.referrals[0].state").value("FOLLOWING_UP"))
                .andExpect(jsonPath("$.referrals[0].outcomes.length()").value(2))
                .andExpect(jsonPath("$.referrals[0].outcomes[?(@.department == 'agriculture-rural')].reason")
                        .value("非农业户籍"));

        mvc.perform(get("/api/monitoring/persons/" + p).with(as(Department.CIVIL_AFFAIRS)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/monitoring/persons/" + TestIds.withWrongCheckDigit(p))
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("idNumber"));
    }

    @Test
    void R_MON_03_theSupervisorDashboardCountsReferralsByStateAndTheDepartmentsOutcomes() throws Exception {
        // other tests of this class refer people in the same region and year: compare before and after
        JsonNode before = dashboard();
        bothAnswer(referredPerson(TestIds.adult()));
        JsonNode after = dashboard();

        assertThat(state(after, "FOLLOWING_UP") - state(before, "FOLLOWING_UP")).isEqualTo(1);
        assertThat(state(after, "VERIFYING")).isEqualTo(state(before, "VERIFYING"));
        assertThat(outcome(after, "civil-affairs", "TEMPORARY_ASSISTANCE")
                        - outcome(before, "civil-affairs", "TEMPORARY_ASSISTANCE"))
                .isEqualTo(1);
        assertThat(outcome(after, "agriculture-rural", "NOT_ELIGIBLE")
                        - outcome(before, "agriculture-rural", "NOT_ELIGIBLE"))
                .isEqualTo(1);
        JsonNode civil = after.get("referralOutcomes").findParents("department").stream()
                .filter(o -> o.get("department").asText().equals("civil-affairs"))
                .findFirst()
                .orElseThrow();
        assertThat(civil.get("departmentName").asText()).isEqualTo(Department.CIVIL_AFFAIRS.chineseName());
        assertThat(after.get("referralNote").asText()).startsWith("转介 ").contains("跟踪回访中");
    }

    JsonNode dashboard() throws Exception {
        return json.readTree(mvc.perform(get("/api/dashboard?regionCode=" + REGION + "&coverageYear=2025")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    static long state(JsonNode dashboard, String state) {
        for (JsonNode s : dashboard.get("referralStates")) {
            if (s.get("state").asText().equals(state)) {
                return s.get("referrals").asLong();
            }
        }
        throw new AssertionError("no state " + state + " in " + dashboard.get("referralStates"));
    }

    static long outcome(JsonNode dashboard, String department, String outcome) {
        for (JsonNode o : dashboard.get("referralOutcomes")) {
            if (o.get("department").asText().equals(department)
                    && o.get("outcome").asText().equals(outcome)) {
                return o.get("referrals").asLong();
            }
        }
        return 0;
    }

    // ---- the monthly scan ---------------------------------------------------------------------------------------

    @Test
    void theMonthlyTimerScansEveryRegionWithClaimsAsOfYesterday() throws Exception {
        String p = TestIds.adult();
        claim(p, "2025-06-15", "30000", "3000", false);

        driver.fireTimerStart(MonthlyScans.KEY);

        Map<String, Object> monthly = jdbc.queryForMap(
                "select * from yibao.monitoring_scan where region_code = ? and started_by = 'monthly-scan' "
                        + "order by id desc limit 1",
                REGION);
        assertThat(monthly.get("as_of").toString()).isEqualTo("2025-06-30");
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.monitoring_warning where scan_id = ? and id_number = ?",
                        Integer.class,
                        monthly.get("id"),
                        p))
                .isEqualTo(1);
        openQueued();
        assertThat(instanceOf(p)).isNotNull();
    }
}
