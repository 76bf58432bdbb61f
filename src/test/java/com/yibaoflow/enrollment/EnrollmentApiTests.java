package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.SchemaOwner;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The API door, case views and payment confirmations on PostgreSQL (issue #4 §1, §7, §9). */
@IntegrationTest
@InCollectionPeriod
class EnrollmentApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ShiftableClock clock;

    @Autowired
    ProcessDriver driver;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    PolicyService policies;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    Flyway flyway;

    /** The failure trigger is the schema owner's to create: the application's role may not (issue #20 §4). */
    JdbcTemplate owner() {
        return SchemaOwner.jdbc(flyway);
    }

    @BeforeEach
    void assertionsOnThisEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void dropTheFailureTrigger() {
        owner().execute("drop trigger if exists test_fail_case_update on yibao.enrollment_case");
        owner().execute("drop function if exists yibao.test_fail_case_update()");
    }

    static String body(String idNumber, String regionCode) {
        return """
                {"regionCode":"%s","coverageYear":2025,"idNumber":"%s","name":"陈七","residence":"LOCAL_HUKOU",
                 "township":"尧渡镇","phone":"13900000000","claimedCategories":[]}""".formatted(regionCode, idNumber);
    }

    ResultActions apply(String body, Department as) throws Exception {
        return mvc.perform(post("/api/enrollments")
                .with(as(as))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long applied(String idNumber) throws Exception {
        String response = apply(body(idNumber, "341721"), Department.MEDICAL_SECURITY)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(response).get("id").asLong();
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());
        return id;
    }

    ResultActions pay(String reference, String idNumber, String amount, Department as) throws Exception {
        return mvc.perform(post("/api/payments")
                .with(as(as))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                {"paymentReference":"%s","idNumber":"%s","regionCode":"341721","coverageYear":2025,"amount":%s,
                 "channel":"ALIPAY","paidAt":"2024-11-15T08:30:00+08:00"}""".formatted(reference, idNumber, amount)));
    }

    // ---- intake ---------------------------------------------------------------------------------------------

    @Test
    void anApplicationIsCreatedWithItsLocationAndBusinessKey() throws Exception {
        String id = TestIds.adult();
        apply(body(id, "341721"), Department.MEDICAL_SECURITY)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/enrollments/")))
                .andExpect(jsonPath("$.businessKey").value("ENR-341721-2025-" + id))
                .andExpect(jsonPath("$.source").value("API"))
                .andExpect(jsonPath("$.processInstanceId").isNotEmpty())
                // the checks and the calculation ran inside the request: the answer already has the outcome
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andExpect(jsonPath("$.figures.personalDue").value(400.00))
                .andExpect(jsonPath("$.figures.explanation[*].ruleId").value(hasItem("R-FUND-01")));
        ProcessInstance process = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(EnrollmentProcess.businessKey("341721", 2025, id))
                .singleResult();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(process.getId())
                        .messages()
                        .count())
                .as("no registration job")
                .isZero();
        assertThat(process)
                .hasPassed("StartEvent_ApplicationSubmitted")
                .hasNotPassed("Task_RegisterCase")
                .isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
    }

    @Test
    void aClaimedCategoryIsVerifiedInsideTheRequestAgainstTheCaseRow() throws Exception {
        String id = TestIds.adult();
        String response = apply(
                        body(id, "341721")
                                .replace("\"claimedCategories\":[]", "\"claimedCategories\":[\"MINIMUM_LIVING\"]"),
                        Department.MEDICAL_SECURITY)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long caseId = json.readTree(response).get("id").asLong();
        // the call activity started the verification in this request, before the case row was written, and handed
        // it the case id; its roster match runs as a job and records the verification against the case row
        driver.runJobs(cases.findById(caseId).orElseThrow().processInstanceId());
        assertThat(jdbc.queryForList(
                        "select enrollment_case_id from yibao.hardship_verification where id_number = ?",
                        Long.class,
                        id))
                .containsExactly(caseId);
        assertThat(jdbc.queryForObject(
                        "select process_instance_id from yibao.enrollment_case where id = ?", String.class, caseId))
                .isNotNull();
    }

    @Test
    void aStepFailingInsideTheRequestLeavesNeitherCaseNorProcessBehind() throws Exception {
        String id = TestIds.adult();
        // a database failure when this person's case row is written, after the steps have run
        owner().execute("create function yibao.test_fail_case_update() returns trigger language plpgsql as "
                + "$$ begin raise exception 'simulated database failure'; end $$");
        owner().execute(
                        "create trigger test_fail_case_update before insert or update on yibao.enrollment_case for each row "
                                + "when (new.id_number = '" + id + "') execute function yibao.test_fail_case_update()");
        apply(body(id, "341721"), Department.MEDICAL_SECURITY)
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        String businessKey = EnrollmentProcess.businessKey("341721", 2025, id);
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.enrollment_case where id_number = ?", Long.class, id))
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey)
                        .count())
                .isZero();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(businessKey)
                        .count())
                .isZero();
        // the database recovers, and the resident may simply apply again
        owner().execute("drop trigger test_fail_case_update on yibao.enrollment_case");
        apply(body(id, "341721"), Department.MEDICAL_SECURITY).andExpect(status().isCreated());
    }

    @Test
    void R_ELIG_02_theSamePersonAndYearAgainIsAConflictWithTheExistingCase() throws Exception {
        String id = TestIds.adult();
        long existing = applied(id);
        apply(body(id, "341721"), Department.MEDICAL_SECURITY)
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.existingCaseId").value(existing))
                .andExpect(jsonPath("$.existingCase").value("/api/enrollments/" + existing))
                .andExpect(jsonPath("$.ruleId").value("R-ELIG-02"));
    }

    @Test
    void R_ELIG_02_theSamePersonInAnotherRegionIsAConflictToo() throws Exception {
        TestPolicies.ensureActive(policies, "341723", 2025);
        String id = TestIds.adult();
        long existing = applied(id);
        apply(body(id, "341723"), Department.CAMUNDA_ADMIN)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingCaseId").value(existing))
                .andExpect(jsonPath("$.existingRegionCode").value("341721"));
    }

    @Test
    void R_ELIG_02_twoConcurrentIntakesOfOnePersonMakeOneCase() throws Exception {
        String id = TestIds.adult();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> intake = () -> {
                start.await();
                return apply(body(id, "341721"), Department.MEDICAL_SECURITY)
                        .andReturn()
                        .getResponse()
                        .getStatus();
            };
            List<Future<Integer>> results = new ArrayList<>(List.of(pool.submit(intake), pool.submit(intake)));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.enrollment_case where id_number = ?", Long.class, id))
                .isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(EnrollmentProcess.businessKey("341721", 2025, id))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void badFieldsAreNamedAndNothingIsWritten() throws Exception {
        long before = cases.count();
        apply("""
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":" ","residence":"LOCAL_HUKOU",
                 "township":"","claimedCategories":["RICH"],"payer":{"idNumber":"1","relationship":"FRIEND"}}""".formatted(TestIds.withWrongCheckDigit(TestIds.adult())), Department.MEDICAL_SECURITY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("payer.relationship")));
        apply("""
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":" ","residence":"LOCAL_HUKOU",
                 "township":"","claimedCategories":["RICH"]}""".formatted(TestIds.withWrongCheckDigit(TestIds.adult())), Department.MEDICAL_SECURITY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("idNumber")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("township")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("claimedCategories[0]")));
        assertThat(cases.count()).isEqualTo(before);
    }

    @Test
    void anUnknownRegionOrAYearWithoutParametersIsABadRequest() throws Exception {
        apply(body(TestIds.adult(), "999999"), Department.CAMUNDA_ADMIN)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        apply(body(TestIds.adult(), "341721").replace("2025", "2031"), Department.MEDICAL_SECURITY)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
    }

    @Test
    void onlyIntakeDepartmentsMayApply() throws Exception {
        apply(body(TestIds.adult(), "341721"), Department.TAX).andExpect(status().isForbidden());
    }

    // ---- reading --------------------------------------------------------------------------------------------

    @Test
    void aCaseShowsItsFiguresExplanationAndOpenTasks() throws Exception {
        String response = apply(
                        body(TestIds.adult(), "341721").replace("LOCAL_HUKOU", "NON_LOCAL_RESIDENT"),
                        Department.MEDICAL_SECURITY)
                // the case stopped at the review in the request: the answer already names the open task
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.openTasks[0].taskDefinitionKey").value("Task_ReviewEnrollment"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(response).get("id").asLong();
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());

        mvc.perform(get("/api/enrollments/" + id).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_REVIEW"))
                .andExpect(jsonPath("$.figures.personalDue").value(400.00))
                .andExpect(jsonPath("$.figures.policyVersion").value("341721/2025 v1"))
                .andExpect(jsonPath("$.figures.explanation[*].ruleId").value(hasItem("R-FUND-05")))
                .andExpect(jsonPath("$.reviewReasons[0]").value("NON_LOCAL_WITHOUT_PERMIT"))
                .andExpect(jsonPath("$.openTasks[0].taskDefinitionKey").value("Task_ReviewEnrollment"))
                .andExpect(jsonPath("$.openTasks[0].candidateGroups[0]").value("medical-security"));
        mvc.perform(get("/api/enrollments/987654321").with(as(Department.AUDITORS)))
                .andExpect(status().isNotFound());
    }

    @Test
    void casesArePagedAndFiltered() throws Exception {
        long id = applied(TestIds.adult());
        String response = mvc.perform(get("/api/enrollments")
                        .param("regionCode", "341721")
                        .param("coverageYear", "2025")
                        .param("status", "AWAITING_PAYMENT")
                        .param("size", "500")
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode page = json.readTree(response);
        assertThat(page.get("totalElements").asLong()).isPositive();
        List<Long> ids = new ArrayList<>();
        page.get("content").forEach(n -> {
            assertThat(n.get("status").asText()).isEqualTo("AWAITING_PAYMENT");
            assertThat(n.get("idNumberMasked").asText()).contains("*");
            ids.add(n.get("id").asLong());
        });
        assertThat(ids).contains(id);
        mvc.perform(get("/api/enrollments").param("size", "0").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/enrollments").param("status", "NOPE").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isBadRequest());
    }

    // ---- payments -------------------------------------------------------------------------------------------

    @Test
    void R_PAY_aConfirmationIsIdempotentByReference() throws Exception {
        String person = TestIds.adult();
        long id = applied(person);
        pay("TAX-OK-" + id, person, "400.00", Department.TAX)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ACCEPTED"))
                .andExpect(jsonPath("$.caseId").value(id));
        pay("TAX-OK-" + id, person, "400.00", Department.TAX)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ACCEPTED"));
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());
        assertThat(cases.findById(id).orElseThrow().status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(jdbc.queryForObject("select count(*) from yibao.coverage where case_id = ?", Long.class, id))
                .isEqualTo(1);
        // the reference reused for something else, and a second payment of a paid case
        pay("TAX-OK-" + id, person, "399.00", Department.TAX).andExpect(status().isConflict());
        pay("TAX-OTHER-" + id, person, "400.00", Department.TAX).andExpect(status().isConflict());
    }

    @Test
    void R_PAY_aWrongAmountIs422AndTheCaseKeepsWaiting() throws Exception {
        String person = TestIds.adult();
        long id = applied(person);
        pay("TAX-WRONG-" + id, person, "40.00", Department.TAX)
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.outcome").value("WRONG_AMOUNT"));
        pay("TAX-WRONG-" + id, person, "40.00", Department.TAX).andExpect(status().isUnprocessableEntity());
        assertThat(cases.findById(id).orElseThrow().status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        assertThat(jdbc.queryForObject(
                        "select outcome from yibao.payment where payment_reference = ?",
                        String.class,
                        "TAX-WRONG-" + id))
                .isEqualTo("WRONG_AMOUNT");
    }

    @Test
    void R_PAY_noSuchCaseIs404AndBadFieldsAre400() throws Exception {
        pay("TAX-NONE", TestIds.adult(), "400.00", Department.TAX).andExpect(status().isNotFound());
        mvc.perform(post("/api/payments")
                        .with(as(Department.TAX))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paymentReference\":\"X\",\"amount\":-5,\"channel\":\"CASH\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("channel"));
        mvc.perform(post("/api/payments")
                        .with(as(Department.TAX))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"paymentReference\":\"X\",\"amount\":-5}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("paidAt")));
        pay("TAX-BY-CASEWORKER", TestIds.adult(), "400.00", Department.MEDICAL_SECURITY)
                .andExpect(status().isForbidden());
    }

    @Test
    void aCaseInReviewIsNotWaitingForPayment() throws Exception {
        String person = TestIds.adult();
        String response = apply(
                        body(person, "341721").replace("LOCAL_HUKOU", "NON_LOCAL_RESIDENT"),
                        Department.MEDICAL_SECURITY)
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(response).get("id").asLong();
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());
        pay("TAX-EARLY-" + id, person, "400.00", Department.TAX).andExpect(status().isConflict());
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.payment where payment_reference = ?",
                        Long.class,
                        "TAX-EARLY-" + id))
                .isZero();
    }

    // ---- withdrawal -----------------------------------------------------------------------------------------

    @Test
    void anUnpaidCaseMayBeWithdrawnAPaidOneMayNot() throws Exception {
        long id = applied(TestIds.adult());
        mvc.perform(post("/api/enrollments/" + id + "/withdrawal").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isAccepted());
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());
        assertThat(cases.findById(id).orElseThrow().status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        mvc.perform(post("/api/enrollments/" + id + "/withdrawal").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isConflict());
        CaseEventsDelivered.await(jdbc, cases.findById(id).orElseThrow().businessKey());
        mvc.perform(get("/api/enrollments/" + id).with(as(Department.AUDITORS)))
                .andExpect(jsonPath("$.history[0].event").value("WITHDRAWN"))
                .andExpect(jsonPath("$.history[0].recordedBy").value("medical-security-user"));

        String person = TestIds.adult();
        long paid = applied(person);
        pay("TAX-W-" + paid, person, "400.00", Department.TAX).andExpect(status().isOk());
        mvc.perform(post("/api/enrollments/" + paid + "/withdrawal").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isConflict());
    }
}
