package com.yibaoflow.outreach;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.enrollment.CoverageActivated;
import com.yibaoflow.enrollment.EnrollmentProcess;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestCases;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Outreach to roster people not yet enrolled (issue #5 §4), on 青阳县 (341723) so the rosters are its own. */
@IntegrationTest
class OutreachTests {

    static final String REGION = "341723";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PolicyService policies;

    @Autowired
    OutreachService outreach;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ProcessDriver driver;

    void enrolled(String idNumber) {
        TestCases.enrolled(jdbc, idNumber, REGION, 2025, null);
    }

    @Test
    void R_MON_04_rosterPeopleNotYetEnrolledGetOneTaskPerTownshipThatClosesItself() throws Exception {
        TestPolicies.ensureActive(policies, REGION, 2025);
        String p1 = TestIds.adult();
        String p2 = TestIds.adult();
        String p3 = TestIds.adult();
        String p4 = TestIds.adult();
        long version = jdbc.queryForObject("""
                insert into yibao.roster_version (department, region_code, version, as_of, imported_by, imported_at,
                                                  current)
                values ('civil-affairs', ?, 1, '2024-10-01', 'test', now(), true) returning id""", Long.class, REGION);
        Object[][] entries = {
            {p1, "一", "MINIMUM_LIVING", "蓉城镇"},
            {p2, "二", "EXTREME_POVERTY", "蓉城镇"},
            {p3, "三", "MINIMUM_LIVING", "木镇镇"},
            {p4, "四", "MINIMUM_LIVING", "蓉城镇"}
        };
        for (Object[] e : entries) {
            jdbc.update(
                    "insert into yibao.roster_entry (version_id, id_number, name, category, valid_from, township) "
                            + "values (?, ?, ?, ?, '2024-01-01', ?)",
                    version,
                    e[0],
                    e[1],
                    e[2],
                    e[3]);
        }
        enrolled(p4);

        JsonNode list = json.readTree(mvc.perform(get("/api/outreach/" + REGION + "/2025")
                        .param("township", "蓉城镇")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(list).extracting(p -> p.get("name").asText()).containsExactly("一", "二");
        assertThat(list.get(0).get("idNumberMasked").asText()).contains("*");
        assertThat(list.get(1).get("categories").get(0).asText()).isEqualTo("特困人员");

        JsonNode opened = json.readTree(
                mvc.perform(post("/api/outreach/" + REGION + "/2025").with(as(Department.CAMUNDA_ADMIN)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(opened).extracting(o -> o.get("township").asText()).containsExactlyInAnyOrder("蓉城镇", "木镇镇");
        JsonNode again = json.readTree(
                mvc.perform(post("/api/outreach/" + REGION + "/2025").with(as(Department.CAMUNDA_ADMIN)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        assertThat(again).isEmpty();

        String rongcheng = null;
        String muzhen = null;
        for (JsonNode o : opened) {
            if (o.get("township").asText().equals("蓉城镇")) {
                rongcheng = o.get("processInstanceId").asText();
            } else {
                muzhen = o.get("processInstanceId").asText();
            }
        }
        Task task = tasks.createTaskQuery().processInstanceId(rongcheng).singleResult();
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .extracting(l -> l.getGroupId())
                .contains("townships");
        assertThat(tasks.getVariable(task.getId(), "residentList"))
                .asString()
                .contains("一")
                .contains("二");
        assertThat(tasks.getVariable(task.getId(), "remaining")).isEqualTo(2);

        enrolled(p1);
        outreach.enrolled(new CoverageActivated(
                CaseEvent.newId(),
                java.time.Instant.now(),
                EnrollmentProcess.businessKey(REGION, 2025, p1),
                "R-WAIT-05",
                "参保成功",
                p1,
                REGION,
                2025));
        assertThat(tasks.getVariable(task.getId(), "remaining")).isEqualTo(1);
        enrolled(p2);
        outreach.enrolled(new CoverageActivated(
                CaseEvent.newId(),
                java.time.Instant.now(),
                EnrollmentProcess.businessKey(REGION, 2025, p2),
                "R-WAIT-05",
                "参保成功",
                p2,
                REGION,
                2025));
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(rongcheng)
                        .activityId("EndEvent_AllEnrolled")
                        .count())
                .isEqualTo(1);

        Task other = tasks.createTaskQuery().processInstanceId(muzhen).singleResult();
        tasks.complete(other.getId(), Map.of("outreachNote", "三 外出务工，已电话告知"));
        driver.runJobs(muzhen);
        assertThat(jdbc.queryForList(
                        "select outcome || ':' || coalesce(note, '') from yibao.outreach "
                                + "where region_code = ? order by township",
                        String.class,
                        REGION))
                .containsExactly("RECORDED:三 外出务工，已电话告知", "ALL_ENROLLED:");
    }
}
