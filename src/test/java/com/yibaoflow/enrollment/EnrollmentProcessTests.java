package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.notification.Notification;
import com.yibaoflow.notification.NotificationService;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.contribution.Relationship;
import com.yibaoflow.shared.time.ClockConfiguration;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of {@code processes/enrollment.bpmn} (issue #4), against the real engine, delegates and PostgreSQL.
 * The clock stands in Dongzhi's 2025 collection period (2024-09-01 … 2024-12-31) unless a test moves it.
 */
@IntegrationTest
@InCollectionPeriod
class EnrollmentProcessTests {

    static final String REGION = "341721";
    static final int YEAR = 2025;

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    PaymentService payments;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    Coverages coverages;

    @Autowired
    NotificationService notifications;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ShiftableClock clock;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CaseHistory caseHistory;

    @Autowired
    ManagementService management;

    @Autowired
    EnrollmentProperties properties;

    /** A department roster version a test made current, retired again after it. */
    Long currentRosterVersion;

    @BeforeEach
    void assertionsOnThisEngine() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void retireTheRosterVersion() {
        if (currentRosterVersion != null) {
            jdbc.update("update yibao.roster_version set current = false where id = ?", currentRosterVersion);
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    Application application(String idNumber, Residence residence, List<String> categories) {
        return new Application(
                REGION, YEAR, idNumber, "张三", residence, null, "尧渡镇", "13800000000", categories, null, 0);
    }

    EnrollmentCase intake(Application application) {
        EnrollmentCase c = enrollments.intake(application, EnrollmentSource.API, null, "test");
        driver.runJobs(c.processInstanceId());
        return c;
    }

    EnrollmentCase reload(EnrollmentCase c) {
        return cases.findById(c.id()).orElseThrow();
    }

    ProcessInstance instance(EnrollmentCase c) {
        return runtime.createProcessInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .singleResult();
    }

    /** The case's process, running or ended, for the assertions on what it passed. */
    ProcessInstance process(EnrollmentCase c) {
        return process(c.processInstanceId());
    }

    ProcessInstance process(String processInstanceId) {
        return new EndedOrRunning(processInstanceId);
    }

    /** The case history once the audit module has heard every event of the case. */
    List<CaseHistory.Entry> caseHistoryOf(EnrollmentCase c) {
        CaseEventsDelivered.await(jdbc, c.businessKey());
        return caseHistory.of(c.businessKey());
    }

    /** The notifications once the notification module has heard every event of the case. */
    List<Notification> notificationsOf(EnrollmentCase c) {
        CaseEventsDelivered.await(jdbc, c.businessKey());
        return notifications.ofCase(c.businessKey());
    }

    /** The tax bureau confirms a payment made on the day at 08:00 (the clock moves there if it is earlier). */
    void pay(EnrollmentCase c, String reference, String amount, LocalDate paidOn) {
        java.time.Instant paidAt =
                paidOn.atTime(8, 0).atZone(ClockConfiguration.ZONE).toInstant();
        if (clock.instant().isBefore(paidAt)) {
            clock.setInstant(paidAt.plusSeconds(3600));
        }
        payments.confirm(new PaymentService.Confirmation(
                reference, c.idNumber(), REGION, YEAR, new BigDecimal(amount), Payment.Channel.WECHAT, paidAt));
        driver.runJobs(c.processInstanceId());
    }

    Task task(EnrollmentCase c, String key) {
        return driver.family(c.processInstanceId()).stream()
                .flatMap(id -> tasks.createTaskQuery().processInstanceId(id).taskDefinitionKey(key).list().stream())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no open task " + key));
    }

    void complete(EnrollmentCase c, String key, Map<String, Object> variables) {
        Task t = task(c, key);
        tasks.claim(t.getId(), "caseworker-user");
        tasks.complete(t.getId(), variables);
        driver.runJobs(c.processInstanceId());
    }

    EnrollmentCase nonLocalWithoutPermit() {
        return intake(application(TestIds.adult(), Residence.NON_LOCAL_RESIDENT, List.of()));
    }

    // ---- straight through -------------------------------------------------------------------------------------

    @Test
    void R_ELIG_01_R_PAY_straightThroughWaitsForPaymentThenActivatesCoverage() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));

        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        EnrollmentCase waiting = reload(c);
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        assertThat(waiting.personalDue()).isEqualByComparingTo("400.00");
        assertThat(waiting.policyVersion()).isEqualTo("341721/2025 v1");
        assertThat(waiting.paymentDeadline()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(waiting.birthDate()).isNotNull();
        assertThat(waiting.explanation()).extracting(s -> s.ruleId()).contains("R-FUND-01", "R-FUND-04");

        pay(c, "PAY-" + c.id(), "400.00", LocalDate.of(2024, 11, 18));

        assertThat(process(c))
                .isEnded()
                .hasPassedInOrder(EnrollmentProcess.TASK_AWAIT_PAYMENT, "Task_ActivateCoverage", "EndEvent_Enrolled");
        EnrollmentCase enrolled = reload(c);
        assertThat(enrolled.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        Coverage coverage = coverages.findByCaseId(c.id()).orElseThrow();
        assertThat(coverage.personalPaid()).isEqualByComparingTo("400.00");
        assertThat(coverage.paymentReference()).isEqualTo("PAY-" + c.id());
        assertThat(coverage.benefitStartDate())
                .isEqualTo(LocalDate.of(2025, 1, 1)); // R-WAIT-01 first enrollment in period
        assertThat(coverage.benefitEndDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(coverage.coveredFromBirth()).isFalse();
        assertThat(caseHistoryOf(c)).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("ENROLLED");
            assertThat(e.ruleId()).isEqualTo("R-WAIT-05");
            assertThat(e.detail()).contains("PAY-" + c.id()).contains("2025-01-01");
        });
    }

    @Test
    void R_FUND_06_aRelativesPayerIsRecordedOnTheCoverage() {
        String payerId = TestIds.adult();
        EnrollmentCase c = intake(new Application(
                REGION,
                YEAR,
                TestIds.adult(),
                "李四",
                Residence.LOCAL_HUKOU,
                null,
                "尧渡镇",
                null,
                List.of(),
                new Payer(payerId, "李父", Relationship.PARENT),
                0));
        pay(c, "PAY-" + c.id(), "400", LocalDate.of(2024, 11, 15));
        Coverage coverage = coverages.findByCaseId(c.id()).orElseThrow();
        assertThat(coverage.payerIdNumber()).isEqualTo(payerId);
        assertThat(coverage.payerRelationship()).isEqualTo("PARENT");
    }

    // ---- hardship -----------------------------------------------------------------------------------------

    @Test
    void R_SUB_01_aFullSubsidyVerifiedByTheDepartmentSkipsPayment() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of("EXTREME_POVERTY")));

        assertThat(instance(c)).isWaitingAt("CallActivity_VerifyHardship");
        Task verify = task(c, "Task_VerifyClaim");
        assertThat(tasks.getIdentityLinksForTask(verify.getId())).anySatisfy(link -> {
            assertThat(link.getType()).isEqualTo(IdentityLinkType.CANDIDATE);
            assertThat(link.getGroupId()).isEqualTo("civil-affairs");
        });
        tasks.claim(verify.getId(), "civil-affairs-user");
        tasks.complete(verify.getId(), Variables.createVariables().putValue("decision", "VERIFY"));
        driver.runJobs(c.processInstanceId());

        EnrollmentCase enrolled = reload(c);
        assertThat(enrolled.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(enrolled.appliedCategory()).isEqualTo("EXTREME_POVERTY");
        assertThat(enrolled.personalDue()).isEqualByComparingTo("0.00");
        assertThat(coverages.findByCaseId(c.id()).orElseThrow().personalPaid()).isEqualByComparingTo("0.00");
        assertThat(process(c))
                .isEnded()
                .hasPassed("CallActivity_VerifyHardship", "EndEvent_Enrolled")
                .hasNotPassed(EnrollmentProcess.TASK_AWAIT_PAYMENT);
    }

    @Test
    void R_SUB_09_aRosterMatchIsVerifiedWithoutATaskAndTheHighestSubsidyApplies() {
        String id = TestIds.adult();
        long version = jdbc.queryForObject("""
                insert into yibao.roster_version (department, region_code, version, as_of, imported_by, imported_at, current)
                values ('agriculture-rural', '341721', 900 + (select count(*) from yibao.roster_version), '2024-10-01',
                        'test', now(), false) returning id""", Long.class);
        jdbc.update(
                "insert into yibao.roster_entry (version_id, id_number, name, category, valid_from) values (?, ?, '张三', "
                        + "'POVERTY_MONITORING', '2024-01-01')",
                version,
                id);
        // a roster of its own department and region makes the match; flag it current only for this person's test
        jdbc.update("update yibao.roster_version set current = false where department = 'agriculture-rural' "
                + "and region_code = '341721'");
        jdbc.update("update yibao.roster_version set current = true where id = ?", version);
        currentRosterVersion = version;

        EnrollmentCase c = intake(application(id, Residence.LOCAL_HUKOU, List.of()));

        EnrollmentCase waiting = reload(c);
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        assertThat(waiting.verifiedCategories()).containsExactly("POVERTY_MONITORING");
        assertThat(waiting.appliedCategory()).isEqualTo("POVERTY_MONITORING");
        assertThat(waiting.personalDue()).isEqualByComparingTo("200.00");
    }

    @Test
    void aRefusedClaimLeavesTheFullStandard() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of("SEVERE_DISABILITY")));
        Task verify = task(c, "Task_VerifyClaim");
        tasks.claim(verify.getId(), "disabled-federation-user");
        tasks.complete(
                verify.getId(),
                Variables.createVariables().putValue("decision", "REFUSE").putValue("refusalReason", "残疾等级为三级"));
        driver.runJobs(c.processInstanceId());

        EnrollmentCase waiting = reload(c);
        assertThat(waiting.verifiedCategories()).isEmpty();
        assertThat(waiting.personalDue()).isEqualByComparingTo("400.00");
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
    }

    // ---- rejections ---------------------------------------------------------------------------------------

    @Test
    void R_ELIG_02_employeeInsuranceForTheSamePeriodRejects() {
        String id = TestIds.adult();
        jdbc.update(
                "insert into yibao.employee_insurance_record (id_number, name, valid_from, imported_at) "
                        + "values (?, '张三', '2020-01-01', now())",
                id);
        EnrollmentCase c = intake(application(id, Residence.LOCAL_HUKOU, List.of()));

        EnrollmentCase rejected = reload(c);
        assertThat(rejected.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("EMPLOYEE_INSURED");
        assertThat(rejected.rejectionDetail()).contains("职工基本医疗保险");
        assertThat(process(c))
                .isEnded()
                .hasPassedInOrder("Task_CheckEligibility", "Task_RecordRejection", "EndEvent_Rejected");
    }

    @Test
    void R_ELIG_02_enrollmentInAnotherRegionRejects() {
        String id = TestIds.adult();
        jdbc.update(
                "insert into yibao.other_region_enrollment (id_number, region_code, coverage_year, imported_at) "
                        + "values (?, '340102', 2025, now())",
                id);
        EnrollmentCase c = intake(application(id, Residence.LOCAL_HUKOU, List.of()));

        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(reload(c).rejectionReason()).isEqualTo("ENROLLED_ELSEWHERE");
    }

    @Test
    void anApplicationAfterTheCoverageYearIsRejected() {
        clock.setToday(LocalDate.of(2026, 1, 5), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));
        assertThat(reload(c).rejectionReason()).isEqualTo("COVERAGE_YEAR_OVER");
    }

    // ---- the roster door, one row at a time -----------------------------------------------------------------

    @Test
    void aRosterRowTakenInOnItsOwnIsRegisteredByItsCaseId() {
        // a batch that lost a race to another intake is taken in row by row: each row through intake()
        EnrollmentCase c = enrollments.intake(
                application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()),
                EnrollmentSource.IMPORT,
                null,
                "township-user");
        assertThat(instance(c)).isWaitingAt("Task_RegisterCase");
        driver.runJobs(c.processInstanceId());

        assertThat(process(c))
                .hasPassedInOrder(
                        "Task_RegisterCase",
                        "Task_CheckIdentity",
                        "Task_CheckEligibility",
                        "Task_CalculateContribution")
                .isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        assertThat(runtime.getVariable(c.processInstanceId(), EnrollmentProcess.CASE_ID))
                .isEqualTo(c.id());
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
    }

    // ---- the Tasklist door ----------------------------------------------------------------------------------

    ProcessInstance startFromTasklist(String idNumber, String name) {
        ProcessInstance pi = runtime.startProcessInstanceByKey(
                EnrollmentProcess.KEY,
                Variables.createVariables()
                        .putValue("idNumber", idNumber)
                        .putValue("name", name)
                        .putValue("regionCode", REGION)
                        .putValue("coverageYear", 2025L)
                        .putValue("residence", "LOCAL_HUKOU")
                        .putValue("township", "胜利镇")
                        .putValue("claimedCategories", "[]"));
        driver.runJobs(pi.getId());
        return pi;
    }

    @Test
    void theTasklistDoorCreatesTheCaseWithTheBusinessKey() {
        String id = TestIds.adult();
        ProcessInstance pi = startFromTasklist(id, "王五");

        EnrollmentCase c = cases.findLive(id, YEAR).orElseThrow();
        assertThat(c.source()).isEqualTo(EnrollmentSource.TASKLIST);
        assertThat(c.processInstanceId()).isEqualTo(pi.getId());
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(EnrollmentProcess.businessKey(REGION, YEAR, id));
        assertThat(c.status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
    }

    @Test
    void aCaseworkerSubmitsTheStartFormAsTasklistDoesAndATaxOfficerMayNot() {
        String id = TestIds.adult();
        String definition = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(EnrollmentProcess.KEY)
                .latestVersion()
                .singleResult()
                .getId();
        assertThat(engine.getFormService().getStartFormKey(definition)).isNull(); // a Camunda Form, by reference
        var form = Variables.createVariables()
                .putValue("idNumber", id)
                .putValue("name", "柜台")
                .putValue("regionCode", REGION)
                .putValue("coverageYear", 2025L)
                .putValue("residence", "LOCAL_HUKOU")
                .putValue("township", "尧渡镇")
                .putValue(
                        "claimedCategories",
                        Variables.objectValue("[\"MINIMUM_LIVING\"]").create().getValue());
        engine.getIdentityService().setAuthentication("tax-user", List.of("tax"));
        try {
            assertThatThrownBy(() -> engine.getFormService().submitStartForm(definition, form))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        engine.getIdentityService().setAuthentication("medical-security-user", List.of("medical-security"));
        ProcessInstance pi;
        try {
            pi = engine.getFormService().submitStartForm(definition, form);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        driver.runJobs(pi.getId());
        EnrollmentCase c = cases.findLive(id, YEAR).orElseThrow();
        assertThat(c.createdBy()).isEqualTo("medical-security-user");
        assertThat(c.claimedCategories()).containsExactly("MINIMUM_LIVING");
        assertThat(instance(c)).isWaitingAt("CallActivity_VerifyHardship");
    }

    @Test
    void aWrongCheckDigitFromTheCounterIsRejectedAsInvalidIdentity() {
        ProcessInstance pi = startFromTasklist(TestIds.withWrongCheckDigit(TestIds.adult()), "赵六");
        assertThat(pi).isEnded().hasPassedInOrder("Task_CheckIdentity", "Task_RecordRejection", "EndEvent_Rejected");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName(EnrollmentProcess.REJECTION_REASON)
                        .singleResult()
                        .getValue())
                .isEqualTo("INVALID_IDENTITY");
    }

    @Test
    void R_ELIG_02_aSecondApplicationAtTheCounterEndsAsDuplicate() {
        String id = TestIds.adult();
        intake(application(id, Residence.LOCAL_HUKOU, List.of()));
        ProcessInstance pi = startFromTasklist(id, "张三");
        assertThat(pi).isEnded().hasPassed("EndEvent_Duplicate").hasNotPassed("Task_CheckIdentity");
        assertThat(cases.findAll().stream().filter(c -> c.idNumber().equals(id)).count())
                .isEqualTo(1);
    }

    // ---- review ---------------------------------------------------------------------------------------------

    @Test
    void aNonLocalResidentWithoutPermitGoesToReviewAndApprovalLeadsToPayment() {
        EnrollmentCase c = nonLocalWithoutPermit();
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_REVIEW);
        Task review = task(c, EnrollmentProcess.TASK_REVIEW);
        assertThat(review.getDueDate()).isNotNull();
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.IN_REVIEW);
        assertThat(reload(c).reviewReasons()).containsExactly("NON_LOCAL_WITHOUT_PERMIT");
        assertThat(tasks.getVariable(review.getId(), "reviewReasons"))
                .asString()
                .contains("居住证");

        complete(c, EnrollmentProcess.TASK_REVIEW, Map.of("reviewDecision", "APPROVE"));

        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
    }

    @Test
    void theReviewFormsFiguresCarryTheirProvenanceState() {
        EnrollmentCase c = nonLocalWithoutPermit();
        Task review = task(c, EnrollmentProcess.TASK_REVIEW);

        assertThat(tasks.getVariable(review.getId(), EnrollmentProcess.PERSONAL_DUE))
                .isEqualTo("400.00");
        // 400 is the seed's individual standard: a SEED figure citing [D] (二) (RULES.md "Parameter provenance")
        assertThat(tasks.getVariable(review.getId(), EnrollmentProcess.PERSONAL_DUE_PROVENANCE))
                .isEqualTo("来源：种子数据（[D] (二)）");
        assertThat(tasks.getVariable(review.getId(), EnrollmentProcess.BACK_PAYMENT_PROVENANCE))
                .isEqualTo("无补缴");
    }

    @Test
    void reviewRejectionRecordsTheReasonCode() {
        EnrollmentCase c = nonLocalWithoutPermit();
        complete(
                c,
                EnrollmentProcess.TASK_REVIEW,
                Map.of(
                        "reviewDecision",
                        "REJECT",
                        "reviewReasonCode",
                        "NOT_ELIGIBLE_RESIDENCE",
                        "reviewComment",
                        "未在本县居住"));
        EnrollmentCase rejected = reload(c);
        assertThat(rejected.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(rejected.rejectionReason()).isEqualTo("NOT_ELIGIBLE_RESIDENCE");
        assertThat(rejected.rejectionDetail()).isEqualTo("未在本县居住");
        assertThat(caseHistoryOf(c)).extracting(CaseHistory.Entry::event).containsExactly("REVIEW_REJECT", "REJECTED");
        assertThat(caseHistoryOf(c).get(0).recordedBy()).isEqualTo("caseworker-user");
    }

    @Test
    void aRejectionWithoutReasonCodeIsRefusedAndTheTaskStaysOpen() {
        EnrollmentCase c = nonLocalWithoutPermit();
        Task review = task(c, EnrollmentProcess.TASK_REVIEW);
        assertThatThrownBy(() -> tasks.complete(review.getId(), Map.of("reviewDecision", "REJECT")))
                .hasMessageContaining("原因");
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_REVIEW);
    }

    @Test
    void sendBackForCorrectionLoopsThroughTheChecksAgain() {
        EnrollmentCase c = nonLocalWithoutPermit();
        complete(c, EnrollmentProcess.TASK_REVIEW, Map.of("reviewDecision", "SEND_BACK", "reviewComment", "请补充居住证"));
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_CORRECT);

        complete(
                c,
                EnrollmentProcess.TASK_CORRECT,
                Map.of(
                        "residencePermitNumber",
                        "皖R2024-0001",
                        "name",
                        "张三丰",
                        "residence",
                        "NON_LOCAL_RESIDENT",
                        "township",
                        "尧渡镇"));

        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        EnrollmentCase corrected = reload(c);
        assertThat(corrected.name()).isEqualTo("张三丰");
        assertThat(corrected.residencePermitNumber()).isEqualTo("皖R2024-0001");
        assertThat(corrected.reviewReasons()).isEmpty();
    }

    @Test
    void gatewayFlagsAreTransientAndACaseStartedBeforeStillLoopsThroughTheChecks() {
        EnrollmentCase c = nonLocalWithoutPermit();
        // needsReview is read by the calculation in the same transaction; personalDueIsZero after the review
        assertThat(runtime.getVariables(c.processInstanceId()))
                .doesNotContainKeys("identityValid", "eligible", "hasHardshipClaims", "needsReview")
                .containsKey("personalDueIsZero");
        // a case started under the model before the flags became transient carries them as stored variables
        runtime.setVariable(c.processInstanceId(), "identityValid", true);
        runtime.setVariable(c.processInstanceId(), "eligible", true);
        complete(c, EnrollmentProcess.TASK_REVIEW, Map.of("reviewDecision", "SEND_BACK", "reviewComment", "请补充居住证"));
        complete(
                c,
                EnrollmentProcess.TASK_CORRECT,
                Map.of(
                        "residencePermitNumber",
                        "皖R2024-0002",
                        "name",
                        "李四",
                        "residence",
                        "NON_LOCAL_RESIDENT",
                        "township",
                        "尧渡镇"));

        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        assertThat(reload(c).name()).isEqualTo("李四");
    }

    @Test
    void anOverdueReviewIsEscalatedToSupervisorsAndTheCaseworkersReminded() {
        EnrollmentCase c = nonLocalWithoutPermit();
        Task review = task(c, EnrollmentProcess.TASK_REVIEW);
        // Friday 2024-11-15 + 3 working days = Wednesday 2024-11-20, 17:30
        assertThat(review.getDueDate().toInstant())
                .isEqualTo(LocalDate.of(2024, 11, 20)
                        .atTime(17, 30)
                        .atZone(ClockConfiguration.ZONE)
                        .toInstant());

        driver.advance(Duration.ofDays(4), c.processInstanceId()); // Tuesday: not yet due
        assertThat(process(c))
                .hasNotPassed("Task_EscalateReview")
                .task(EnrollmentProcess.TASK_REVIEW)
                .hasCandidateGroup("medical-security");
        assertThat(notificationsOf(c)).isEmpty();

        driver.advance(Duration.ofDays(2), c.processInstanceId()); // Thursday: overdue
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_REVIEW);
        assertThat(process(c))
                .hasPassed("Task_EscalateReview")
                .task(EnrollmentProcess.TASK_REVIEW)
                .hasCandidateGroup("medical-security")
                .hasCandidateGroup("medical-security-supervisors");
        assertThat(notificationsOf(c))
                .extracting(n -> n.recipientGroup())
                .containsExactlyInAnyOrder("medical-security-supervisors", "medical-security");

        complete(c, EnrollmentProcess.TASK_REVIEW, Map.of("reviewDecision", "APPROVE"));
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
    }

    @Test
    void aNameOtherThanTheLastEnrolledYearsGoesToReviewAsADataConflict() {
        String id = TestIds.adult();
        EarlierYears.record(jdbc, id, 2023, "张三", "ENROLLED");
        EarlierYears.record(jdbc, id, 2024, "张叁", "ENROLLED");
        EnrollmentCase c = intake(application(id, Residence.LOCAL_HUKOU, List.of())); // applies as 张三

        assertThat(reload(c).reviewReasons()).containsExactly("DATA_CONFLICT_NAME");
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_REVIEW);
    }

    @Test
    void R_WAIT_01_R_WAIT_03_aGapInTheEarlierCoverageYearsMeansAWaitingPeriodContinuityNone() {
        String continuous = TestIds.adult();
        EarlierYears.record(jdbc, continuous, 2023, "张三", "ENROLLED");
        EarlierYears.record(jdbc, continuous, 2024, "张三", "ENROLLED");
        String interrupted = TestIds.adult();
        EarlierYears.record(jdbc, interrupted, 2022, "张三", "ENROLLED");

        EnrollmentCase a = reload(intake(application(continuous, Residence.LOCAL_HUKOU, List.of())));
        EnrollmentCase b = reload(intake(application(interrupted, Residence.LOCAL_HUKOU, List.of())));

        assertThat(a.waitingFixedMonths()).isZero();
        assertThat(a.waitingVariableMonths()).isZero();
        assertThat(a.benefitStartDate()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(b.waitingFixedMonths()).isEqualTo(3); // R-WAIT-02
        assertThat(b.waitingVariableMonths()).isPositive(); // R-WAIT-03: 2023 and 2024 missed
        assertThat(b.benefitStartDate()).isAfter(LocalDate.of(2025, 1, 1));
    }

    @Test
    void anApplicationAfterTheCollectionPeriodIsReviewedAndGetsAWaitingPeriod() {
        clock.setToday(LocalDate.of(2025, 2, 10), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));
        assertThat(reload(c).reviewReasons()).containsExactly("OUTSIDE_COLLECTION_PERIOD");
        complete(c, EnrollmentProcess.TASK_REVIEW, Map.of("reviewDecision", "APPROVE"));
        assertThat(reload(c).paymentDeadline()).isEqualTo(LocalDate.of(2025, 3, 12));

        pay(c, "PAY-" + c.id(), "400.00", LocalDate.of(2025, 2, 12));

        Coverage coverage = coverages.findByCaseId(c.id()).orElseThrow();
        assertThat(reload(c).waitingFixedMonths()).isEqualTo(3); // R-WAIT-01: outside the period
        assertThat(coverage.benefitStartDate()).isEqualTo(LocalDate.of(2025, 5, 12));
    }

    // ---- payment ------------------------------------------------------------------------------------------

    @Test
    void aWrongAmountIsKeptOnRecordAndTheCaseKeepsWaiting() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));
        pay(c, "WRONG-" + c.id(), "380.00", LocalDate.of(2024, 11, 15));

        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);

        pay(c, "RIGHT-" + c.id(), "400.00", LocalDate.of(2024, 11, 15));
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(caseHistoryOf(c))
                .extracting(CaseHistory.Entry::event)
                .containsExactly("PAYMENT_WRONG_AMOUNT", "ENROLLED");
    }

    @Test
    void aStraightThroughCaseStoresNoVariableAndHoldsNoTimer() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));

        // the case id and every flag are read in the intake's own transaction: none is stored or historized
        assertThat(runtime.getVariables(c.processInstanceId())).isEmpty();
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();
        // issue #4 §7: the payment wait listens for the payment, the sweep's reminder and lapse, and a withdrawal
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();
        assertThat(runtime.createEventSubscriptionQuery()
                        .processInstanceId(c.processInstanceId())
                        .list())
                .extracting(EventSubscription::getEventName)
                .containsExactlyInAnyOrder(
                        EnrollmentProcess.MESSAGE_PAYMENT_CONFIRMED,
                        EnrollmentProcess.MESSAGE_PAYMENT_REMINDER_DUE,
                        EnrollmentProcess.MESSAGE_PAYMENT_DEADLINE_PASSED,
                        EnrollmentProcess.MESSAGE_WITHDRAWAL_REQUESTED);
    }

    // ---- payment deadline sweep (processes/payment-deadline-sweep.bpmn) ----------------------------------------

    String sweep() {
        return driver.fireTimerStart(PaymentDeadlineSweep.PROCESS_KEY);
    }

    List<Notification> reminders(EnrollmentCase c) {
        return notificationsOf(c).stream()
                .filter(n -> n.subject().equals("参保缴费提醒"))
                .toList();
    }

    @Test
    void aReminderDayAlreadyPastRemindsTheTownshipAtTheNextSweep() {
        EnrollmentCase c = nonLocalWithoutPermit();
        clock.setToday(reload(c).paymentDeadline().minusDays(2), LocalTime.of(15, 0));
        complete(c, EnrollmentProcess.TASK_REVIEW, Map.of("reviewDecision", "APPROVE"));
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
        assertThat(reminders(c)).isEmpty();

        sweep();
        driver.runJobs(c.processInstanceId());
        assertThat(reminders(c))
                .singleElement()
                .satisfies(n -> assertThat(n.recipientGroup()).isEqualTo("townships"));
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);
    }

    @Test
    void theTownshipIsRemindedOnceAndAnUnpaidCaseLapsesWhenItsDeadlineDayHasEnded() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));
        LocalDate deadline = reload(c).paymentDeadline();
        assertThat(deadline).isEqualTo(LocalDate.of(2024, 12, 31));
        LocalDate reminderDay = deadline.minusDays(properties.paymentReminderDaysBefore());

        clock.setToday(reminderDay, LocalTime.of(8, 30)); // before office hours: not yet
        sweep();
        driver.runJobs(c.processInstanceId());
        assertThat(reminders(c)).isEmpty();

        clock.setToday(reminderDay, LocalTime.of(9, 5));
        sweep();
        driver.runJobs(c.processInstanceId());
        assertThat(reminders(c)).singleElement().satisfies(n -> {
            assertThat(n.recipientGroup()).isEqualTo("townships");
            assertThat(n.township()).isEqualTo("尧渡镇");
            assertThat(n.body()).contains("400.00").contains("2024-12-31");
        });
        assertThat(reload(c).townshipRemindedAt())
                .isNotNull()
                .isAfter(
                        reminderDay.atTime(9, 0).atZone(ClockConfiguration.ZONE).toInstant());

        clock.setToday(deadline, LocalTime.of(23, 5)); // the last day: reminded already, not lapsed yet
        sweep();
        driver.runJobs(c.processInstanceId());
        assertThat(reminders(c)).hasSize(1);
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT);

        clock.setToday(deadline.plusDays(1), LocalTime.of(0, 5));
        sweep();
        driver.runJobs(c.processInstanceId());
        assertThat(process(c))
                .isEnded()
                .hasPassedInOrder("Event_PaymentDeadlinePassed", "Task_RecordLapse", "EndEvent_Lapsed");
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.LAPSED);
        assertThat(caseHistoryOf(c)).extracting(CaseHistory.Entry::event).containsExactly("LAPSED");
        assertThat(notificationsOf(c)).extracting(Notification::subject).containsExactly("参保缴费提醒", "参保登记因未缴费失效");
    }

    @Test
    void theSweepGoesThroughTheDueCasesInBatchesAndASecondSignalToAnEndedWaitIsHarmless() {
        List<EnrollmentCase> unpaid = List.of(
                intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of())),
                intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of())),
                intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of())));
        clock.setToday(LocalDate.of(2025, 1, 1), LocalTime.of(0, 5));

        // an operator may start a sweep by hand (Cockpit, REST), here with batches of two
        String first = runtime.startProcessInstanceByKey(
                        PaymentDeadlineSweep.PROCESS_KEY, Map.of(PaymentDeadlineSweep.BATCH_SIZE, 2))
                .getId();
        driver.runJobs(first);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(first)
                        .activityId("Task_SignalDueCases")
                        .count())
                .isGreaterThanOrEqualTo(2);
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(first)
                        .singleResult()
                        .getEndActivityId())
                .isEqualTo("EndEvent_SweepDone");
        // each wait was interrupted; the lapse is recorded by the case's own job, not yet run
        for (EnrollmentCase c : unpaid) {
            assertThat(instance(c)).isWaitingAt("Task_RecordLapse");
            assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        }

        // the next sweep finds them still AWAITING_PAYMENT: its messages match nothing and change nothing
        sweep();
        for (EnrollmentCase c : unpaid) {
            assertThat(management
                            .createJobQuery()
                            .processInstanceId(c.processInstanceId())
                            .count())
                    .isEqualTo(1);
            driver.runJobs(c.processInstanceId());
            assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.LAPSED);
        }
    }

    @Test
    void thePaymentDeadlineSweepRunsEveryHour() {
        Job timer =
                management
                        .createJobQuery()
                        .processDefinitionKey(PaymentDeadlineSweep.PROCESS_KEY)
                        .timers()
                        .list()
                        .stream()
                        .filter(j -> j.getProcessInstanceId() == null)
                        .findFirst()
                        .orElseThrow();
        assertThat(management
                        .createJobDefinitionQuery()
                        .jobDefinitionId(timer.getJobDefinitionId())
                        .singleResult()
                        .getJobConfiguration())
                .isEqualTo("CYCLE: 0 5 * * * ?");
    }

    @ParameterizedTest
    @CsvSource({
        "2024-12-24T08:59, 2024-12-30", // before 09:00 the reminders of deadlines 7 days on are not due yet
        "2024-12-24T09:00, 2024-12-31",
        "2024-12-24T23:59, 2024-12-31",
    })
    void theReminderIsDueFrom0900SevenDaysBeforeTheDeadline(String now, String horizon) {
        assertThat(PaymentDeadlineSweep.reminderHorizon(
                        java.time.LocalDateTime.parse(now).atZone(ClockConfiguration.ZONE), 7))
                .isEqualTo(LocalDate.parse(horizon));
    }

    @Test
    void aResidentMayWithdrawBeforePaying() {
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, List.of()));
        runtime.createMessageCorrelation(EnrollmentProcess.MESSAGE_WITHDRAWAL_REQUESTED)
                .processInstanceId(c.processInstanceId())
                .correlate();
        driver.runJobs(c.processInstanceId());

        assertThat(process(c)).isEnded().hasPassed("Task_RecordWithdrawal");
        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.WITHDRAWN);
        assertThat(caseHistoryOf(c)).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("WITHDRAWN");
            assertThat(e.detail()).isEqualTo("居民在缴费前撤回参保申请");
        });
        // a withdrawn application does not block a new one (R-ELIG-02 counts live cases only)
        EnrollmentCase again = intake(application(c.idNumber(), Residence.LOCAL_HUKOU, List.of()));
        assertThat(reload(again).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
    }

    // ---- newborn (R-ELIG-03) ------------------------------------------------------------------------------

    @Test
    void R_ELIG_03_aNewbornPaidWithin90DaysIsCoveredFromBirth() {
        clock.setToday(LocalDate.of(2025, 3, 20), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.bornOn(LocalDate.of(2025, 1, 15)), Residence.NEWBORN, List.of()));
        assertThat(instance(c)).isWaitingAt(EnrollmentProcess.TASK_AWAIT_PAYMENT); // no review for a newborn
        assertThat(reload(c).paymentDeadline()).isEqualTo(LocalDate.of(2025, 4, 15)); // issue #17 item 5: day 90

        pay(c, "NB-" + c.id(), "400.00", LocalDate.of(2025, 4, 15)); // day 90
        Coverage coverage = coverages.findByCaseId(c.id()).orElseThrow();
        assertThat(coverage.coveredFromBirth()).isTrue();
        assertThat(coverage.benefitStartDate()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(caseHistoryOf(c)).extracting(CaseHistory.Entry::ruleId).containsExactly("R-ELIG-03");
    }

    @Test
    void R_ELIG_03_aNewbornPaidOnDay91WaitsLikeAnyLateEnrollment() {
        clock.setToday(LocalDate.of(2025, 3, 20), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.bornOn(LocalDate.of(2025, 1, 15)), Residence.NEWBORN, List.of()));
        pay(c, "NB-" + c.id(), "400.00", LocalDate.of(2025, 4, 16)); // day 91
        Coverage coverage = coverages.findByCaseId(c.id()).orElseThrow();
        assertThat(coverage.coveredFromBirth()).isFalse();
        assertThat(coverage.benefitStartDate()).isEqualTo(LocalDate.of(2025, 7, 16));
    }

    /** A process instance by its id, running or ended: what camunda-bpm-assert needs to ask the history. */
    record EndedOrRunning(String getId) implements ProcessInstance {
        @Override
        public String getProcessInstanceId() {
            return getId;
        }

        @Override
        public String getRootProcessInstanceId() {
            return getId;
        }

        @Override
        public String getProcessDefinitionId() {
            return null;
        }

        @Override
        public String getBusinessKey() {
            return null;
        }

        @Override
        public String getCaseInstanceId() {
            return null;
        }

        @Override
        public boolean isSuspended() {
            return false;
        }

        @Override
        public boolean isEnded() {
            return false;
        }

        @Override
        public String getTenantId() {
            return null;
        }

        @Override
        public String getProcessDefinitionKey() {
            return EnrollmentProcess.KEY;
        }
    }
}
