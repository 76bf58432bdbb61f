package com.yibaoflow.hardship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.yibaoflow.identity.Department;
import com.yibaoflow.notification.NotificationService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code processes/hardship-verification.bpmn} (issue #5 §2). */
@IntegrationTest
@InCollectionPeriod
class HardshipProcessTests {

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
    ShiftableClock clock;

    @Autowired
    HardshipVerifications verifications;

    @Autowired
    HardshipClaims claims;

    @Autowired
    NotificationService notifications;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(engine);
    }

    ProcessInstance verify(String idNumber, String... categories) {
        ProcessInstance pi = runtime.createProcessInstanceByKey(HardshipProcess.KEY)
                .businessKey(HardshipProcess.businessKey("341721", 2025, idNumber))
                .setVariables(Variables.createVariables()
                        .putValue("idNumber", idNumber)
                        .putValue("personName", "刘八")
                        .putValue("regionCode", "341721")
                        .putValue("coverageYear", 2025)
                        .putValue("claimedCategories", List.of(categories)))
                .execute();
        driver.runJobs(pi.getId());
        return pi;
    }

    List<Task> verifyTasks(ProcessInstance pi) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("Task_VerifyClaim")
                .list();
    }

    Task taskOf(ProcessInstance pi, String group) {
        return tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("Task_VerifyClaim")
                .taskCandidateGroup(group)
                .singleResult();
    }

    void decide(ProcessInstance pi, Task task, String user, Map<String, Object> variables) {
        tasks.claim(task.getId(), user);
        tasks.complete(task.getId(), variables);
        driver.runJobs(pi.getId());
    }

    HardshipVerification verificationOf(ProcessInstance pi) {
        return verifications.findAll().stream()
                .filter(v -> pi.getId().equals(v.processInstanceId()))
                .findFirst()
                .orElseThrow();
    }

    long roster(String department, String idNumber, String category) {
        long version = jdbc.queryForObject("""
                insert into yibao.roster_version (department, region_code, version, as_of, imported_by, imported_at)
                values (?, '341721', 800 + (select count(*) from yibao.roster_version), '2024-10-01', 'test', now())
                returning id""", Long.class, department);
        jdbc.update(
                "update yibao.roster_version set current = false where department = ? and region_code = '341721'",
                department);
        jdbc.update("update yibao.roster_version set current = true where id = ?", version);
        jdbc.update(
                "insert into yibao.roster_entry (version_id, id_number, name, category, valid_from, valid_to) "
                        + "values (?, ?, '刘八', ?, '2024-01-01', '2025-12-31')",
                version,
                idNumber,
                category);
        return version;
    }

    @ParameterizedTest
    @EnumSource(HardshipCategory.class)
    void R_SUB_12_theRoutingTableSendsEachCategoryToItsOwningDepartment(HardshipCategory category) {
        String department = decisions
                .evaluateDecisionTableByKey(
                        HardshipProcess.DECISION_ROUTING,
                        Variables.createVariables().putValue("claimCategory", category.name()))
                .getSingleEntry();
        assertThat(department).isEqualTo(CategoryOwnership.ownerOf(category).groupId());
    }

    @Test
    void aClaimOnTheOwningDepartmentsCurrentRosterIsVerifiedAutomatically() {
        String id = TestIds.adult();
        long version = roster("civil-affairs", id, "MINIMUM_LIVING");
        ProcessInstance pi = verify(id, "MINIMUM_LIVING");

        assertThat(pi).isEnded();
        HardshipVerification v = verificationOf(pi);
        assertThat(v.verifiedCategories()).containsExactly("MINIMUM_LIVING");
        assertThat(v.appliedCategory()).isEqualTo("MINIMUM_LIVING");
        HardshipClaim claim = claims.findByVerificationIdOrderByIdAsc(v.id()).get(0);
        assertThat(claim.source()).isEqualTo(HardshipClaim.Source.ROSTER);
        assertThat(claim.rosterVersionId()).isEqualTo(version);
        jdbc.update("update yibao.roster_version set current = false where id = ?", version);
    }

    @Test
    void R_SUB_09_severalDepartmentsVerifyInParallelAndTheHighestSubsidyApplies() {
        ProcessInstance pi = verify(TestIds.adult(), "SEVERE_DISABILITY", "RELAPSED_POVERTY", "ENTITLED_GROUP");

        assertThat(verifyTasks(pi)).hasSize(3);
        Task disabled = taskOf(pi, Department.DISABLED_FEDERATION.groupId());
        Task agriculture = taskOf(pi, Department.AGRICULTURE_RURAL.groupId());
        Task veterans = taskOf(pi, Department.VETERANS_AFFAIRS.groupId());
        assertThat(tasks.getVariable(agriculture.getId(), "claimCategoryLabel")).isEqualTo("返贫致贫人口");
        assertThat(agriculture.getDueDate()).isNotNull();

        decide(pi, disabled, "disabled-federation-user", Map.of("decision", "VERIFY"));
        decide(pi, agriculture, "agriculture-rural-user", Map.of("decision", "VERIFY"));
        decide(pi, veterans, "veterans-affairs-user", Map.of("decision", "REFUSE", "refusalReason", "不在优抚名册"));

        assertThat(pi).isEnded();
        HardshipVerification v = verificationOf(pi);
        assertThat(v.verifiedCategories()).containsExactlyInAnyOrder("SEVERE_DISABILITY", "RELAPSED_POVERTY");
        assertThat(v.appliedCategory()).isEqualTo("RELAPSED_POVERTY"); // 320 > 160
        List<HardshipClaim> decided = claims.findByVerificationIdOrderByIdAsc(v.id());
        assertThat(decided)
                .filteredOn(c -> c.category().equals("ENTITLED_GROUP"))
                .singleElement()
                .satisfies(c -> {
                    assertThat(c.status()).isEqualTo(HardshipClaim.Status.REFUSED);
                    assertThat(c.refusalReason()).isEqualTo("不在优抚名册");
                    assertThat(c.decidedBy()).isEqualTo("veterans-affairs-user");
                });
        assertThat(decided)
                .filteredOn(c -> c.category().equals("RELAPSED_POVERTY"))
                .singleElement()
                .satisfies(c -> assertThat(c.decidedBy()).isEqualTo("agriculture-rural-user"));
    }

    @Test
    void aDepartmentMayAskForEvidenceBeforeDeciding() {
        ProcessInstance pi = verify(TestIds.adult(), "FAMILY_PLANNING_SPECIAL");
        Task health = taskOf(pi, Department.HEALTH_COMMISSION.groupId());
        decide(
                pi,
                health,
                "health-commission-user",
                Map.of("decision", "REQUEST_EVIDENCE", "evidenceRequest", "请提供独生子女证"));

        Task evidence = tasks.createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("Task_ProvideEvidence")
                .singleResult();
        assertThat(evidence).isNotNull();
        assertThat(tasks.getVariable(evidence.getId(), "evidenceRequest")).isEqualTo("请提供独生子女证");
        decide(pi, evidence, "medical-security-user", Map.of("evidenceNote", "已补交独生子女证复印件"));

        Task again = taskOf(pi, Department.HEALTH_COMMISSION.groupId());
        decide(pi, again, "health-commission-user", Map.of("decision", "VERIFY"));
        assertThat(pi).isEnded();
        assertThat(verificationOf(pi).appliedCategory()).isEqualTo("FAMILY_PLANNING_SPECIAL");
    }

    @Test
    void anOverdueVerificationIsRemindedThenEscalatedToSupervisors() {
        ProcessInstance pi = verify(TestIds.adult(), "ORPHAN");
        Task civil = taskOf(pi, Department.CIVIL_AFFAIRS.groupId());
        String key =
                HardshipProcess.businessKey("341721", 2025, verificationOf(pi).idNumber());

        driver.advance(Duration.ofDays(8), pi.getId()); // Saturday after 5 working days: reminder only
        // notifications are composed by the notification module's listener, after the step's commit
        await().untilAsserted(() -> assertThat(notifications.ofCase(key))
                .extracting(n -> n.recipientGroup())
                .containsExactly("civil-affairs"));

        driver.advance(Duration.ofDays(4), pi.getId()); // Wednesday: past 7 working days (Tuesday 17:30)
        await().untilAsserted(() -> assertThat(notifications.ofCase(key))
                .extracting(n -> n.recipientGroup())
                .containsExactly("civil-affairs", "medical-security-supervisors"));
        assertThat(tasks.getIdentityLinksForTask(civil.getId()))
                .extracting(l -> l.getGroupId())
                .contains("civil-affairs", "medical-security-supervisors");

        decide(pi, civil, "supervisor-user", Map.of("decision", "VERIFY"));
        // R-SUB-13: ORPHAN has no subsidy entry in Dongzhi 2025 — verified, but no applied category
        assertThat(verificationOf(pi).verifiedCategories()).containsExactly("ORPHAN");
        assertThat(verificationOf(pi).appliedCategory()).isNull();
    }

    @Test
    void aDepartmentUserSeesOnlyTheirDepartmentsTasks() {
        ProcessInstance pi = verify(TestIds.adult(), "MINIMUM_LIVING", "RETIRED_FISHERMAN");
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskCandidateGroupIn(List.of("civil-affairs"))
                        .list())
                .hasSize(1);
        List<Task> visible;
        engine.getIdentityService().setAuthentication("civil-affairs-user", List.of("civil-affairs"));
        try {
            visible = tasks.createTaskQuery().processInstanceId(pi.getId()).list();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(visible)
                .extracting(t -> tasks.getVariable(t.getId(), "claimCategory"))
                .containsExactly("MINIMUM_LIVING");
    }
}
