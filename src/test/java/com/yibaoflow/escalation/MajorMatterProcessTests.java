package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.yibaoflow.notification.NotificationService;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.MajorMatterRequests;
import com.yibaoflow.testsupport.ProcessDriver;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code processes/major-matter-request.bpmn} (issue #18 §1-5, R-MM-01..05), the policy gate included. */
@IntegrationTest
class MajorMatterProcessTests {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    DecisionService decisions;

    @Autowired
    ProcessDriver driver;

    @Autowired
    PolicyService policies;

    @Autowired
    ShiftableClock clock;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcTemplate jdbc;

    static final String REGION = "341721";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    ProcessInstance submit(String matterType) {
        ProcessInstance pi = runtime.createProcessInstanceByKey(KEY)
                .businessKey(businessKey("341721", UUID.randomUUID().toString()))
                .setVariables(Variables.createVariables()
                        .putValue(MATTER_TYPE, matterType)
                        .putValue(REGION_CODE, "341721")
                        .putValue(TITLE, "关于调整2026年度城乡居民医保个人缴费标准的请示")
                        .putValue(
                                DOCUMENT_NUMBER,
                                "测试〔2026〕" + UUID.randomUUID().toString().substring(0, 8) + "号")
                        .putValue("situation", "基金收支情况")
                        .putValue("proposal", "建议个人缴费标准调整为每人每年400元"))
                .execute();
        driver.runJobs(pi.getId());
        return pi;
    }

    void decide(ProcessInstance pi, String taskKey, String decision, String opinion) {
        assertThat(pi).isWaitingAt(taskKey);
        tasks.complete(task(taskKey, pi).getId(), Map.of(DECISION, decision, OPINION, opinion));
    }

    void opine(ProcessInstance pi, String taskKey, String opinion) {
        tasks.complete(task(taskKey, pi).getId(), Map.of(OPINION, opinion));
    }

    void throughProvince(ProcessInstance pi, String decision, String opinion) {
        assertThat(pi).isWaitingAt(TASK_PROVINCE, TASK_FINANCE);
        assertThat(task(TASK_PROVINCE, pi)).hasCandidateGroup("provincial-medical-security");
        assertThat(task(TASK_FINANCE, pi)).hasCandidateGroup("provincial-finance");
        opine(pi, TASK_PROVINCE, "省医保局：基金可承受");
        opine(pi, TASK_FINANCE, "省财政厅：同意，财政补助相应安排");
        assertThat(task(TASK_JOINT, pi)).hasCandidateGroup("provincial-medical-security");
        decide(pi, TASK_JOINT, decision, opinion);
    }

    @ParameterizedTest
    @CsvSource({
        "CONTRIBUTION_STANDARD, PROVINCE, true, false, false",
        "FISCAL_SUBSIDY_STANDARD, PROVINCE, true, false, false",
        "BENEFIT_ADJUSTMENT, PROVINCE, false, false, false",
        "REFORM_MEASURE, PROVINCE, false, false, false",
        "OUTSIDE_LOCAL_POWERS, NATIONAL, false, true, false",
        "MAJOR_SITUATION_REPORT, PROVINCE, false, false, true"
    })
    void R_MM_04_theTypeCarriesTheDecidingLevel(
            String type, String level, boolean filed, boolean refused, boolean report) {
        Map<String, Object> result = decisions
                .evaluateDecisionTableByKey(DECISION_ROUTING)
                .variables(Map.of(MATTER_TYPE, type))
                .evaluate()
                .getSingleResult()
                .getEntryMap();
        assertThat(result)
                .containsEntry(DECIDING_LEVEL, level)
                .containsEntry(FILED_NATIONALLY, filed)
                .containsEntry(REFUSED, refused)
                .containsEntry(REPORT, report);
    }

    @Test
    void R_MM_01_02_standardsRequestIsApprovedAtEveryLevelConsultsFinanceIsFiledThriceAndActivatesItsVersion() {
        int version = draft(2041, "400");
        ProcessInstance pi = MajorMatterRequests.submit(REGION, 2041, version);
        String documentNumber = (String) runtime.getVariable(pi.getId(), DOCUMENT_NUMBER);
        assertThat(task(TASK_COUNTY, pi)).hasCandidateGroup("medical-security-supervisors");
        decide(pi, TASK_COUNTY, APPROVE, "同意上报");
        assertThat(task(TASK_CITY, pi)).hasCandidateGroup("city-medical-security");
        decide(pi, TASK_CITY, APPROVE, "");
        throughProvince(pi, APPROVE, "同意，报国家备案");

        // R-MM-01: three filings in parallel, each closed with its reference and date
        assertThat(pi).isWaitingAt(TASK_FILE_NHSA, TASK_FILE_MOF, TASK_FILE_STA);
        for (String filing : List.of(TASK_FILE_NHSA, TASK_FILE_MOF, TASK_FILE_STA)) {
            assertThat(task(filing, pi)).hasCandidateGroup("provincial-medical-security");
        }
        String nhsa = task(TASK_FILE_NHSA, pi).getId();
        assertThatThrownBy(() -> tasks.complete(nhsa, Map.of(FILING_REFERENCE, " ", FILING_DATE, "2025-10-10")))
                .hasStackTraceContaining("请填写备案文号");
        assertThatThrownBy(
                        () -> tasks.complete(nhsa, Map.of(FILING_REFERENCE, "医保备〔2025〕1号", FILING_DATE, "2999-01-01")))
                .hasStackTraceContaining("备案日期不能晚于今天");
        assertThatThrownBy(() -> tasks.complete(nhsa, Map.of(FILING_REFERENCE, "医保备〔2025〕1号")))
                .hasStackTraceContaining("请填写备案日期");
        tasks.complete(nhsa, Map.of(FILING_REFERENCE, "医保备〔2025〕1号", FILING_DATE, "2025-10-10"));
        assertThat(pi).isWaitingAt(TASK_FILE_MOF, TASK_FILE_STA);
        // the form of the next filing starts empty: what the first recorded is not offered again
        assertThat(tasks.getVariable(task(TASK_FILE_MOF, pi).getId(), FILING_REFERENCE))
                .isNull();
        tasks.complete(
                task(TASK_FILE_MOF, pi).getId(), Map.of(FILING_REFERENCE, "财备〔2025〕2号", FILING_DATE, "2025-10-11"));
        tasks.complete(
                task(TASK_FILE_STA, pi).getId(), Map.of(FILING_REFERENCE, "税备〔2025〕3号", FILING_DATE, "2025-10-12"));
        assertThat(pi).isWaitingAt(TASK_ACTIVATE);
        assertThat(policies.version(REGION, 2041, version).status()).isEqualTo(PolicyStatus.DRAFT);

        driver.runJobs(pi.getId());
        assertThat(pi)
                .hasPassedInOrder(
                        TASK_COUNTY, TASK_CITY, TASK_JOINT, TASK_FILE_NHSA, TASK_ACTIVATE, "EndEvent_Approved")
                .hasPassed(TASK_FINANCE, TASK_PROVINCE, TASK_FILE_MOF, TASK_FILE_STA)
                .isEnded();
        // R-MM-03: the version the request named is active, recorded with the request that approved it
        var active = policies.active(REGION, 2041);
        assertThat(active.version()).isEqualTo(version);
        assertThat(active.approvingRequestRef()).isEqualTo(documentNumber);
        assertThat(historic(pi, ACTIVATED_VERSION)).isEqualTo(REGION + "/2041 v" + version);
        assertThat(historic(pi, "nhsaFilingReference")).isEqualTo("医保备〔2025〕1号");
        assertThat(historic(pi, "mofFilingDate")).isEqualTo("2025-10-11");
        assertThat(historic(pi, "staFilingReference")).isEqualTo("税备〔2025〕3号");
        assertThat((String) historic(pi, OPINION_HISTORY))
                .contains(
                        "县医保局审核",
                        "省财政厅会签意见（null）：省财政厅：同意",
                        "形成办理意见",
                        "向国家医保局备案（null）：已备案，文号 医保备〔2025〕1号，日期 2025-10-10",
                        "向财政部备案",
                        "向国家税务总局备案");
        assertThat(jdbc.queryForObject(
                        "select state from yibao.major_matter_policy_change where document_number = ?",
                        String.class,
                        documentNumber))
                .isEqualTo("ACTIVATED");
    }

    @Test
    void R_MM_03_aNewRequestSupersedesTheActiveVersionAndAnActiveVersionIsNoLongerAskedFor() {
        int first = draft(2044, "400");
        String firstRequest = MajorMatterRequests.activate(REGION, 2044, first);
        int second = draft(2044, "420");
        String secondRequest = MajorMatterRequests.activate(REGION, 2044, second);
        assertThat(policies.version(REGION, 2044, first).status()).isEqualTo(PolicyStatus.SUPERSEDED);
        assertThat(policies.version(REGION, 2044, first).approvingRequestRef()).isEqualTo(firstRequest);
        assertThat(policies.active(REGION, 2044).version()).isEqualTo(second);
        assertThat(policies.active(REGION, 2044).approvingRequestRef()).isEqualTo(secondRequest);
        // a request asks to activate a DRAFT: the active one is refused at submission, with the reason
        assertThatThrownBy(() -> MajorMatterRequests.submit(REGION, 2044, second))
                .hasStackTraceContaining("a request asks to activate a DRAFT version (R-MM-03)");
    }

    @Test
    void R_MM_03_theGateRefusesADirectServiceCallEvenNamingTheApprovedRequest() {
        int version = draft(2042, "400");
        ProcessInstance pi = MajorMatterRequests.submit(REGION, 2042, version);
        String documentNumber = (String) runtime.getVariable(pi.getId(), DOCUMENT_NUMBER);
        assertThatThrownBy(() -> policies.activate(documentNumber, "caseworker"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT))
                .hasMessageContaining("R-MM-03");
        MajorMatterRequests.complete(pi.getId(), TASK_COUNTY, Map.of(DECISION, APPROVE, OPINION, ""));
        MajorMatterRequests.complete(pi.getId(), TASK_CITY, Map.of(DECISION, APPROVE, OPINION, ""));
        throughProvince(pi, APPROVE, "同意");
        // approved, filed, its activating step not yet run: still no other path activates the version
        fileAll(pi);
        assertThat(pi).isWaitingAt(TASK_ACTIVATE);
        assertThatThrownBy(() -> policies.activate(documentNumber, "supervisor"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.properties()).containsEntry("ruleId", "R-MM-03"))
                .hasMessageContaining("is not an approved request concluding now");
        assertThat(policies.version(REGION, 2042, version).status()).isEqualTo(PolicyStatus.DRAFT);
        assertThatThrownBy(() -> policies.active(REGION, 2042)).isInstanceOf(DomainException.class);

        driver.runJobs(pi.getId());
        assertThat(pi).hasPassed("EndEvent_Approved").isEnded();
        assertThat(policies.active(REGION, 2042).approvingRequestRef()).isEqualTo(documentNumber);
    }

    @Test
    void R_MM_03_aDraftChangedAfterTheRequestWasSubmittedIsNotActivatedByIt() {
        int version = draft(2043, "400");
        ProcessInstance pi = MajorMatterRequests.submit(REGION, 2043, version);
        MajorMatterRequests.complete(pi.getId(), TASK_COUNTY, Map.of(DECISION, APPROVE, OPINION, ""));
        MajorMatterRequests.complete(pi.getId(), TASK_CITY, Map.of(DECISION, APPROVE, OPINION, ""));
        throughProvince(pi, APPROVE, "同意");
        // after the approval, someone raises the standard in the draft
        var approved = policies.version(REGION, 2043, version);
        policies.reviseDraft(
                REGION,
                2043,
                version,
                withIndividualStandard(approved.parameters(), "450"),
                approved.provenance(),
                "changed after the approval");
        fileAll(pi);
        driver.runJobs(pi.getId());

        assertThat(pi)
                .hasPassed("EndEvent_ActivationRefused")
                .hasNotPassed("EndEvent_Approved")
                .isEnded();
        assertThat((String) historic(pi, ACTIVATION_REFUSAL)).contains("被修改", "不予启用");
        assertThat(policies.version(REGION, 2043, version).status()).isEqualTo(PolicyStatus.DRAFT);
        assertThatThrownBy(() -> policies.active(REGION, 2043)).isInstanceOf(DomainException.class);
        assertThat(jdbc.queryForObject(
                        "select state from yibao.major_matter_policy_change where process_instance_id = ?",
                        String.class,
                        pi.getId()))
                .isEqualTo("REFUSED");
    }

    @Test
    void R_MM_03_theSameFiguresWrittenWithOtherScalesHaveTheSameDigest() {
        int plain = draft(2045, "400");
        int scaled = draft(2045, "400.00");
        int other = draft(2045, "400.01");
        assertThat(policies.figuresDigest(REGION, 2045, plain))
                .matches("[0-9a-f]{64}")
                .isEqualTo(policies.figuresDigest(REGION, 2045, scaled))
                .isNotEqualTo(policies.figuresDigest(REGION, 2045, other));
    }

    @Test
    void deadlinesCountWorkingDaysOfTheHolidayCalendarRemindTheLevelThenEscalateToItsSupervisors() {
        try {
            // Friday before the National Day week of 2025: Sunday 28 September and Saturday 11 October are worked
            clock.setToday(LocalDate.of(2025, 9, 26), LocalTime.of(9, 0));
            ProcessInstance pi = submit("REFORM_MEASURE");
            String key = pi.getBusinessKey();
            // 10 working days: 28, 29, 30 Sep, 9, 10, 11, 13, 14, 15, 16 Oct (Mon-Fri only would give 10 Oct)
            assertThat(task(TASK_COUNTY, pi).getDueDate())
                    .isEqualTo(Date.from(ZonedDateTime.of(2025, 10, 16, 17, 30, 0, 0, SHANGHAI)
                            .toInstant()));

            clock.setToday(LocalDate.of(2025, 10, 16), LocalTime.of(17, 0));
            driver.runJobs(pi.getId());
            assertThat(pi).hasNotPassed("Task_RemindCounty");

            clock.setToday(LocalDate.of(2025, 10, 16), LocalTime.of(17, 31));
            driver.runJobs(pi.getId());
            assertThat(pi)
                    .hasPassed("Task_RemindCounty")
                    .hasNotPassed("Task_EscalateCounty")
                    .isWaitingAt(TASK_COUNTY);
            await().untilAsserted(() -> assertThat(notifications.ofCase(key))
                    .extracting(n -> n.recipientGroup() + "|" + n.subject())
                    .containsExactly("medical-security-supervisors|重大事项请示报告到期催办"));

            // 5 more working days: 17, 20, 21, 22, 23 October
            clock.setToday(LocalDate.of(2025, 10, 23), LocalTime.of(17, 0));
            driver.runJobs(pi.getId());
            assertThat(pi).hasNotPassed("Task_EscalateCounty");
            clock.setToday(LocalDate.of(2025, 10, 23), LocalTime.of(17, 31));
            driver.runJobs(pi.getId());
            assertThat(pi).hasPassed("Task_EscalateCounty").isWaitingAt(TASK_COUNTY);
            await().untilAsserted(() -> assertThat(notifications.ofCase(key))
                    .extracting(n -> n.recipientGroup() + "|" + n.subject())
                    .containsExactly(
                            "medical-security-supervisors|重大事项请示报告到期催办", "city-medical-security|重大事项请示报告超时督办"));

            // the next level gets its own deadline, from the day it receives the request
            decide(pi, TASK_COUNTY, APPROVE, "");
            assertThat(task(TASK_CITY, pi).getDueDate())
                    .isEqualTo(Date.from(ZonedDateTime.of(2025, 11, 6, 17, 30, 0, 0, SHANGHAI)
                            .toInstant()));
            clock.setToday(LocalDate.of(2025, 11, 13), LocalTime.of(18, 0));
            driver.runJobs(pi.getId());
            assertThat(pi).hasPassed("Task_RemindCity", "Task_EscalateCity").isWaitingAt(TASK_CITY);
            await().untilAsserted(() -> assertThat(notifications.ofCase(key))
                    .extracting(n -> n.recipientGroup())
                    .contains("city-medical-security", "city-medical-security-supervisors"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void theFinanceConsultationNeedsAnOpinion() {
        ProcessInstance pi = submit("BENEFIT_ADJUSTMENT");
        decide(pi, TASK_COUNTY, APPROVE, "");
        decide(pi, TASK_CITY, APPROVE, "");
        String finance = task(TASK_FINANCE, pi).getId();
        assertThatThrownBy(() -> tasks.complete(finance, Map.of(OPINION, ""))).hasStackTraceContaining("会签意见不能为空");
        opine(pi, TASK_FINANCE, "省财政厅：同意");
        // the joint opinion waits for both opinions (会签)
        assertThat(pi).isWaitingAt(TASK_PROVINCE).hasNotPassed(TASK_JOINT);
        opine(pi, TASK_PROVINCE, "省医保局：同意");
        assertThat(pi).isWaitingAt(TASK_JOINT);
    }

    void fileAll(ProcessInstance pi) {
        for (String filing : List.of(TASK_FILE_NHSA, TASK_FILE_MOF, TASK_FILE_STA)) {
            tasks.complete(task(filing, pi).getId(), Map.of(FILING_REFERENCE, "备〔2025〕9号", FILING_DATE, "2025-10-10"));
        }
    }

    Object historic(ProcessInstance pi, String name) {
        return engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(name)
                .singleResult()
                .getValue();
    }

    /** A DRAFT of Dongzhi for a coverage year no other test uses, with the 2025 figures moved to it. */
    int draft(int year, String individualStandard) {
        var y2025 = policies.active(REGION, 2025);
        PolicyParameters p = withIndividualStandard(y2025.parameters(), individualStandard);
        int shift = year - 2025;
        PolicyParameters moved = new PolicyParameters(
                new PolicyParameters.Periods(
                        p.periods().collectionStart().plusYears(shift),
                        p.periods().collectionEnd().plusYears(shift),
                        LocalDate.of(year, 1, 1),
                        LocalDate.of(year, 12, 31)),
                p.funding(),
                p.subsidies(),
                p.waiting(),
                p.incentives(),
                p.benefits(),
                p.monitoring());
        return policies.createDraft(REGION, year, moved, y2025.provenance(), "test: major-matter gate", "test")
                .version();
    }

    static PolicyParameters withIndividualStandard(PolicyParameters p, String standard) {
        var f = p.funding();
        return new PolicyParameters(
                p.periods(),
                new PolicyParameters.Funding(
                        new BigDecimal(standard),
                        f.fiscalSubsidy(),
                        f.centralShareRatio(),
                        f.provinceShareOfLocal(),
                        f.cityShareOfLocal(),
                        f.countyShareOfLocal()),
                p.subsidies(),
                p.waiting(),
                p.incentives(),
                p.benefits(),
                p.monitoring());
    }

    @Test
    void reformMeasureIsNotFiledNationally() {
        ProcessInstance pi = submit("REFORM_MEASURE");
        decide(pi, TASK_COUNTY, APPROVE, "");
        decide(pi, TASK_CITY, APPROVE, "");
        throughProvince(pi, APPROVE, "同意");
        driver.runJobs(pi.getId());
        assertThat(pi)
                .hasNotPassed(TASK_FILE_NHSA)
                .hasPassed("EndEvent_Approved")
                .isEnded();
    }

    @Test
    void returnedRequestGoesBackToTheDrafterAndStartsAgainFromTheCounty() {
        ProcessInstance pi = submit("BENEFIT_ADJUSTMENT");
        decide(pi, TASK_COUNTY, APPROVE, "");
        decide(pi, TASK_CITY, RETURN, "测算依据不足，请补充");
        assertThat(pi).isWaitingAt(TASK_REVISE);
        assertThat(task(TASK_REVISE, pi)).hasCandidateGroup("medical-security");
        tasks.complete(task(TASK_REVISE, pi).getId(), Map.of("situation", "补充了测算", "proposal", "同前"));
        assertThat(pi).isWaitingAt(TASK_COUNTY).variables().containsEntry(ROUND, 2L);
        assertThat((String) runtime.getVariable(pi.getId(), OPINION_HISTORY))
                .contains("第1轮 市医保局审核（null）：退回修改：测算依据不足，请补充", "第1轮 修改请示（退回）");
        decide(pi, TASK_COUNTY, APPROVE, "");
        decide(pi, TASK_CITY, APPROVE, "");
        throughProvince(pi, RETURN, "请与财政厅再次会商");
        assertThat(pi).isWaitingAt(TASK_REVISE);
    }

    @Test
    void aReturnOrRejectionWithoutReasonIsRefusedAndTheTaskStays() {
        ProcessInstance pi = submit("REFORM_MEASURE");
        String taskId = task(TASK_COUNTY, pi).getId();
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(DECISION, REJECT, OPINION, " ")))
                .hasStackTraceContaining("退回或不同意时须填写意见");
        assertThatThrownBy(() -> tasks.complete(taskId, Map.of(DECISION, ACKNOWLEDGE, OPINION, "")))
                .hasStackTraceContaining("请示类事项须作出同意、退回或不同意的决定");
        assertThat(pi).isWaitingAt(TASK_COUNTY);
    }

    @Test
    void rejectedAtEachLevelWithItsReason() {
        ProcessInstance atCounty = submit("REFORM_MEASURE");
        decide(atCounty, TASK_COUNTY, REJECT, "不符合政策");
        assertThat(atCounty).hasPassed("EndEvent_RejectedByCounty").isEnded();

        ProcessInstance atCity = submit("REFORM_MEASURE");
        decide(atCity, TASK_COUNTY, APPROVE, "");
        decide(atCity, TASK_CITY, REJECT, "不符合政策");
        assertThat(atCity).hasPassed("EndEvent_RejectedByCity").isEnded();

        ProcessInstance atProvince = submit("REFORM_MEASURE");
        decide(atProvince, TASK_COUNTY, APPROVE, "");
        decide(atProvince, TASK_CITY, APPROVE, "");
        throughProvince(atProvince, REJECT, "不同意");
        assertThat(atProvince).hasPassed("EndEvent_RejectedByProvince").isEnded();
    }

    @Test
    void drafterWithdrawsBeforeAnyoneActed() {
        ProcessInstance pi = submit("REFORM_MEASURE");
        runtime.createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceId(pi.getId())
                .correlate();
        assertThat(pi).hasPassed("EndEvent_Withdrawn").isEnded();
    }

    @Test
    void R_MM_05_reportIsAcknowledgedAtEachLevelNeverApproved() {
        ProcessInstance pi = submit("MAJOR_SITUATION_REPORT");
        String countyTask = task(TASK_COUNTY, pi).getId();
        assertThatThrownBy(() -> tasks.complete(countyTask, Map.of(DECISION, APPROVE, OPINION, "")))
                .hasStackTraceContaining("报告类事项只阅知，不审批");
        decide(pi, TASK_COUNTY, ACKNOWLEDGE, "已阅");
        decide(pi, TASK_CITY, ACKNOWLEDGE, "已阅");
        throughProvince(pi, ACKNOWLEDGE, "已阅知");
        assertThat(pi)
                .hasPassed("EndEvent_Acknowledged")
                .hasNotPassed(TASK_FILE_NHSA)
                .isEnded();
    }

    @Test
    void R_MM_04_outsideLocalPowersIsRefusedBeforeAnyonesTask() {
        ProcessInstance pi = submit("OUTSIDE_LOCAL_POWERS");
        assertThat(pi).hasPassed("EndEvent_Refused").hasNotPassed(TASK_COUNTY).isEnded();
        String reason = (String) engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(REFUSAL_REASON)
                .singleResult()
                .getValue();
        assertThat(reason).contains("中央事权", "R-MM-04");
    }
}
