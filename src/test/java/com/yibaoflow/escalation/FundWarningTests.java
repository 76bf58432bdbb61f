package com.yibaoflow.escalation;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestUsers;
import java.time.YearMonth;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-MM-06, issue #18 §6: a recorded fund warning sends the region's medical-security supervisors a reminder task
 * ({@code processes/fund-warning.bpmn}) offering to draft a prefilled benefit-adjustment request.
 */
@IntegrationTest
class FundWarningTests {

    static final String SUPERVISOR = TestUsers.userOf(Department.MEDICAL_SECURITY_SUPERVISORS);
    static final String SHITAI_SUPERVISOR = "mm-supervisor-341722";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    IdentityBootstrap identity;

    @BeforeEach
    void users() {
        identity.ensureUser(
                SHITAI_SUPERVISOR, TestUsers.PASSWORD, "测试", "石台主管", Department.MEDICAL_SECURITY_SUPERVISORS, "341722");
    }

    /** Reports a month of Dongzhi (341721) whose balance covers 3 months of expenditure (threshold 6). */
    void warningOf(String month, String balance) throws Exception {
        mvc.perform(post("/api/fund-indicators")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","month":"%s","income":"900000.00","expenditure":"1000000.00",
                                 "balance":"%s"}""".formatted(month, balance)))
                .andExpect(status().isCreated());
    }

    Task reminder(String month) {
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(FundWarnings.businessKey("341721", YearMonth.parse(month)))
                .taskDefinitionKey(FundWarnings.TASK_REVIEW)
                .singleResult();
    }

    @Test
    void R_MM_06_aWarningSendsTheRegionsSupervisorsAPrefilledReminder() throws Exception {
        warningOf("2032-01", "3000000.00");
        Task task = reminder("2032-01");
        assertThat(task).isNotNull();
        assertThat(task.getName()).isEqualTo("研判东至县2032年1月基金运行风险预警并决定是否起草请示");
        assertThat(task.getDueDate()).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly(Department.MEDICAL_SECURITY_SUPERVISORS.groupId());
        Map<String, Object> facts = tasks.getVariables(task.getId());
        assertThat(facts)
                .containsEntry("regionCode", "341721")
                .containsEntry("month", "2032-01")
                .containsEntry("monthsCovered", "3.00")
                .containsEntry("thresholdMonths", "6")
                .containsEntry("balance", "3000000.00")
                .containsEntry("expenditure", "1000000.00");
        // issue #17 item 2: reported fund data, not policy figures, and the form says so
        assertThat((String) facts.get(FundWarnings.FIGURES_PROVENANCE))
                .startsWith("来源：本统筹区报送的2032年1月基金运行数据")
                .contains("非政策参数");
        assertThat((String) facts.get("draftTitle")).contains("2032年1月").contains("待遇");
        assertThat((String) facts.get("draftSituation")).contains("3000000.00").contains("3.00 个月");
    }

    @Test
    void R_MM_06_noReminderWithoutAWarning() throws Exception {
        warningOf("2032-02", "6000000.00");
        assertThat(reminder("2032-02")).isNull();
    }

    @Test
    void R_MM_06_theReminderIsForTheRegionsSupervisorsOnly() throws Exception {
        warningOf("2032-03", "2000000.00");
        Task task = reminder("2032-03");
        // the engine wraps what its listener refuses; the API and Tasklist answer with the DomainException (403)
        // another county's supervisor: the right department, the wrong region
        assertThatThrownBy(() -> tasks.claim(task.getId(), SHITAI_SUPERVISOR))
                .rootCause()
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("341721");
        // Dongzhi's caseworker: the right region, not a supervisor
        assertThatThrownBy(() -> tasks.claim(task.getId(), TestUsers.userOf(Department.MEDICAL_SECURITY)))
                .rootCause()
                .isInstanceOf(DomainException.class)
                .hasMessageContaining(Department.MEDICAL_SECURITY_SUPERVISORS.groupId());
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isNull();
        tasks.claim(task.getId(), SUPERVISOR);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
                .isEqualTo(SUPERVISOR);
    }

    @Test
    void R_MM_06_draftingSubmitsThePrefilledBenefitAdjustmentRequestInTheSupervisorsName() throws Exception {
        warningOf("2032-04", "2500000.00");
        Task task = reminder("2032-04");
        String title = (String) tasks.getVariable(task.getId(), "draftTitle");
        tasks.claim(task.getId(), SUPERVISOR);
        tasks.complete(task.getId(), Map.of("fundWarningDecision", "DRAFT", "draftProposal", "建议将住院起付线由500元提高到600元。"));

        String processInstanceId = task.getProcessInstanceId();
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .count())
                .isZero();
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityId("EndEvent_RequestDrafted")
                        .count())
                .isEqualTo(1);
        Long id = (Long) history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName("majorMatterId")
                .singleResult()
                .getValue();
        Map<String, Object> row = jdbc.queryForMap(
                "select matter_type, title, situation, proposal, region_code, drafted_by, document_number, state,"
                        + " current_level, process_instance_id from yibao.major_matter where id = ?",
                id);
        assertThat(row)
                .containsEntry("matter_type", "BENEFIT_ADJUSTMENT")
                .containsEntry("title", title)
                .containsEntry("proposal", "建议将住院起付线由500元提高到600元。")
                .containsEntry("region_code", "341721")
                .containsEntry("drafted_by", SUPERVISOR)
                .containsEntry("state", "IN_REVIEW")
                .containsEntry("current_level", "COUNTY");
        assertThat((String) row.get("situation")).contains("2500000.00");
        assertThat((String) row.get("document_number")).matches("东医保〔\\d{4}〕\\d+号");
        assertThat(history.createHistoricVariableInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .variableName("majorMatterDocumentNumber")
                        .singleResult()
                        .getValue())
                .isEqualTo(row.get("document_number"));
        // the request waits at the county, as one submitted through POST /api/major-matters
        assertThat(tasks.createTaskQuery()
                        .processInstanceId((String) row.get("process_instance_id"))
                        .taskDefinitionKey("Task_CountyReview")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void R_MM_06_noRequestNeedsAReason() throws Exception {
        warningOf("2032-05", "4000000.00");
        Task task = reminder("2032-05");
        tasks.claim(task.getId(), SUPERVISOR);
        long requests = jdbc.queryForObject("select count(*) from yibao.major_matter", Long.class);

        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of("fundWarningDecision", "NO_REQUEST")))
                .rootCause()
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("noRequestReason");
        assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of()))
                .rootCause()
                .isInstanceOf(DomainException.class)
                .hasMessageContaining("fundWarningDecision");
        assertThat(reminder("2032-05")).isNotNull();

        tasks.complete(
                task.getId(), Map.of("fundWarningDecision", "NO_REQUEST", "noRequestReason", "下月省级调剂金到位，结余可恢复至7个月以上。"));
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId())
                        .activityId("EndEvent_NoRequest")
                        .count())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from yibao.major_matter", Long.class))
                .isEqualTo(requests);
    }
}
