package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
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

/** Every path of {@code processes/major-matter-request.bpmn} (issue #18 §1-2, R-MM-01..05). */
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
    void R_MM_01_02_standardsRequestIsApprovedAtEveryLevelConsultsFinanceAndIsFiled() {
        ProcessInstance pi = submit("CONTRIBUTION_STANDARD");
        assertThat(task(TASK_COUNTY, pi)).hasCandidateGroup("medical-security-supervisors");
        decide(pi, TASK_COUNTY, APPROVE, "同意上报");
        assertThat(task(TASK_CITY, pi)).hasCandidateGroup("city-medical-security");
        decide(pi, TASK_CITY, APPROVE, "");
        throughProvince(pi, APPROVE, "同意，报国家备案");
        assertThat(pi).isWaitingAt(TASK_FILE);
        tasks.complete(
                task(TASK_FILE, pi).getId(),
                Map.of("nhsaFilingRef", "医保备〔2025〕1号", "mofFilingRef", "财备〔2025〕1号", "staFilingRef", "税备〔2025〕1号"));
        driver.runJobs(pi.getId());
        assertThat(pi)
                .hasPassedInOrder(
                        TASK_COUNTY, TASK_CITY, TASK_JOINT, TASK_FILE, "Task_ActivatePolicy", "EndEvent_Approved")
                .hasPassed(TASK_FINANCE, TASK_PROVINCE)
                .isEnded();
        String history = (String) engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName(OPINION_HISTORY)
                .singleResult()
                .getValue();
        assertThat(history).contains("县医保局审核", "省财政厅会签意见（null）：省财政厅：同意", "形成办理意见", "已备案");
    }

    @Test
    void reformMeasureIsNotFiledNationally() {
        ProcessInstance pi = submit("REFORM_MEASURE");
        decide(pi, TASK_COUNTY, APPROVE, "");
        decide(pi, TASK_CITY, APPROVE, "");
        throughProvince(pi, APPROVE, "同意");
        driver.runJobs(pi.getId());
        assertThat(pi).hasNotPassed(TASK_FILE).hasPassed("EndEvent_Approved").isEnded();
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
                .hasNotPassed(TASK_FILE)
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
