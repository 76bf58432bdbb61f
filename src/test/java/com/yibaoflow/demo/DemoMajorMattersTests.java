package com.yibaoflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.escalation.MajorMatterDrafts;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestUsers;
import java.time.Clock;
import java.time.YearMonth;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo's major-matter samples (issue #18, README demo path) built as the demo profile builds them, through the
 * escalation module's public {@link MajorMatterDrafts}: the contribution-standard request of {@code caseworker} waits
 * at the county for Dongzhi's supervisors, and a fund month under the threshold gives them the R-MM-06 reminder.
 */
@IntegrationTest
class DemoMajorMattersTests {

    @Autowired
    MajorMatterDrafts drafts;

    @Autowired
    PolicyService policies;

    @Autowired
    Clock clock;

    @Autowired
    IdentityBootstrap identity;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void R_MM_02_R_MM_06_theDemoSamplesWaitForTheCountySupervisor() {
        identity.ensureUser(
                DemoMajorMatters.DRAFTER, TestUsers.PASSWORD, "芳", "王", Department.MEDICAL_SECURITY, "341721");
        DemoMajorMatters demo = new DemoMajorMatters(drafts, policies, clock);

        MajorMatterDrafts.Submitted request = demo.contributionStandardRequest(2025);
        assertThat(request.documentNumber()).matches("东医保〔\\d{4}〕\\d+号");
        assertThat(jdbc.queryForMap(
                        "select matter_type, drafted_by, state, current_level, policy_coverage_year"
                                + " from yibao.major_matter where id = ?",
                        request.id()))
                .containsEntry("matter_type", "CONTRIBUTION_STANDARD")
                .containsEntry("drafted_by", "caseworker")
                .containsEntry("state", "IN_REVIEW")
                .containsEntry("current_level", "COUNTY")
                .containsEntry("policy_coverage_year", 2025);
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey(request.businessKey())
                        .taskDefinitionKey("Task_CountyReview")
                        .taskCandidateGroup(Department.MEDICAL_SECURITY_SUPERVISORS.groupId())
                        .count())
                .isEqualTo(1);

        assertThat(demo.fundMonthUnderThreshold(YearMonth.of(2033, 1))).isTrue();
        assertThat(tasks.createTaskQuery()
                        .processInstanceBusinessKey("FW-341721-2033-01")
                        .taskCandidateGroup(Department.MEDICAL_SECURITY_SUPERVISORS.groupId())
                        .count())
                .isEqualTo(1);
    }
}
