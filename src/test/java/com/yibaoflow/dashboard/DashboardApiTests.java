package com.yibaoflow.dashboard;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.SeededCases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The supervisor dashboard (issue #21 §4): its JSON over cases seeded in 东至县 (341721) for coverage year 2031 (and
 * 2030), which no other test uses; the engine's tasks are shared with other tests, so they are checked as the
 * difference one request of this test makes.
 */
@IntegrationTest
class DashboardApiTests {

    static final String REGION = "341721";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessDriver driver;

    String lastBody;

    JsonNode dashboard(RequestPostProcessor user, String region, int year) throws Exception {
        String body = mvc.perform(get("/api/dashboard")
                        .param("regionCode", region)
                        .param("coverageYear", String.valueOf(year))
                        .with(user))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        lastBody = body;
        return json.readTree(body);
    }

    @Test
    void numbersOfSeededCasesAndTheLatestScan() throws Exception {
        Instant week = Instant.parse("2030-09-03T02:00:00Z"); // Monday 2030-09-02's week
        Instant nextWeek = Instant.parse("2030-09-10T02:00:00Z");
        seed(2031, "尧渡镇", "ENROLLED", "EXTREME_POVERTY", "400.00", week);
        seed(2031, "尧渡镇", "ENROLLED", "EXTREME_POVERTY", "400.00", nextWeek);
        seed(2031, "尧渡镇", "ENROLLED", "SEVERE_DISABILITY", "200.00", nextWeek);
        seed(2031, "尧渡镇", "AWAITING_PAYMENT", null, null, nextWeek);
        seed(2031, "胜利镇", "LAPSED", null, null, week);
        seed(2031, "胜利镇", "IN_REVIEW", null, null, nextWeek);
        seed(2030, "胜利镇", "ENROLLED", null, null, Instant.parse("2029-10-01T02:00:00Z"));
        long scan = jdbc.queryForObject("""
                insert into yibao.monitoring_scan (region_code, coverage_year, as_of, policy_label, started_by,
                    started_at, duration_ms, scanned, candidates, warnings)
                values ('341721', 2031, date '2031-06-30', 'test', 'test', ?, 1, 40, 1, 1) returning id""", Long.class, Timestamp.from(Instant.parse("2031-07-01T02:00:00Z")));
        jdbc.update("""
                insert into yibao.monitoring_warning (scan_id, id_number, population_group, categories, claims,
                    total_cost, basic_paid, critical_paid, assistance_paid, out_of_pocket, warning_line,
                    layers_computed)
                values (?, 'SEED00000000031001', 'FORMERLY_POOR', 'RELAPSED_POVERTY', 2, 30000, 10000, 0, 0,
                        20000.00, 10572.00, true)""", scan);

        JsonNode d = dashboard(as(Department.MEDICAL_SECURITY_SUPERVISORS), REGION, 2031);

        assertThat(d.get("regionName").asText()).isEqualTo("东至县");
        assertThat(d.get("collectionPeriod").isNull()).isTrue(); // no policy for 2031
        assertThat(d.get("targetNote").asText()).contains("上年度参保人数");
        assertThat(d.get("townships").toString()).isEqualTo("""
                        [{"township":"尧渡镇","enrolled":3,"awaitingPayment":1,"lapsed":0,"inReview":0,"previousYearEnrolled":0},\
                        {"township":"胜利镇","enrolled":0,"awaitingPayment":0,"lapsed":1,"inReview":1,"previousYearEnrolled":1}]""");
        // amounts keep their scale, as the page shows them
        assertThat(lastBody).contains("""
                        "subsidies":[{"category":"EXTREME_POVERTY","categoryName":"特困人员","enrollments":2,"subsidyTotal":800.00},\
                        {"category":"SEVERE_DISABILITY","categoryName":"一、二级重度残疾人","enrollments":1,"subsidyTotal":200.00}]""");
        assertThat(d.get("trend").toString()).isEqualTo("""
                        [{"weekStart":"2030-09-02","received":2,"enrolled":1},\
                        {"weekStart":"2030-09-09","received":4,"enrolled":2}]""");
        assertThat(d.at("/warnings/scanId").asLong()).isEqualTo(scan);
        assertThat(d.at("/warnings/scanned").asLong()).isEqualTo(40);
        assertThat(lastBody).contains("""
                        "groups":[{"populationGroup":"FORMERLY_POOR","groupName":"脱贫人口（含监测对象）","warnings":1,"outOfPocket":20000.00}]""");
        assertThat(d.get("referralNote").asText()).isNotBlank();
    }

    @Test
    void aMajorMatterWaitingAtTheCountyCountsForItsStepAndItsDepartmentAndOverdueOncePastDue() throws Exception {
        JsonNode before = dashboard(as(Department.AUDITORS), REGION, 2031);

        ProcessInstance pi = runtime.createProcessInstanceByKey(DashboardService.MAJOR_MATTER_PROCESS)
                .businessKey("MM-" + REGION + "-" + UUID.randomUUID())
                .setVariables(Variables.createVariables()
                        .putValue("matterType", "CONTRIBUTION_STANDARD")
                        .putValue("regionCode", REGION)
                        .putValue("title", "关于调整2031年度城乡居民医保个人缴费标准的请示")
                        .putValue("documentNumber", "测试〔2031〕1号")
                        .putValue("situation", "基金收支情况")
                        .putValue("proposal", "建议个人缴费标准调整为每人每年420元"))
                .execute();
        driver.runJobs(pi.getId());
        Task county = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(county.getTaskDefinitionKey()).isEqualTo("Task_CountyReview");
        JsonNode waiting = dashboard(as(Department.AUDITORS), REGION, 2031);

        county.setDueDate(Date.from(Instant.parse("2020-01-01T00:00:00Z")));
        tasks.saveTask(county);
        JsonNode overdue = dashboard(as(Department.AUDITORS), REGION, 2031);
        runtime.deleteProcessInstance(pi.getId(), "test done");

        assertThat(step(waiting, "open") - step(before, "open")).isEqualTo(1);
        assertThat(step(waiting, "upTo7Days") - step(before, "upTo7Days")).isEqualTo(1);
        assertThat(supervisors(waiting, "open") - supervisors(before, "open")).isEqualTo(1);
        assertThat(supervisors(waiting, "overdue") - supervisors(before, "overdue"))
                .isZero();
        assertThat(supervisors(overdue, "overdue") - supervisors(before, "overdue"))
                .isEqualTo(1);
        JsonNode countyStep = countyStep(waiting);
        assertThat(countyStep.get("level").asText()).isEqualTo("县级");
        assertThat(countyStep.get("stepName").asText()).isEqualTo("县医保局审核");
    }

    @Test
    void aCaseworkerMayNotSeeTheDashboard() throws Exception {
        mvc.perform(get("/api/dashboard")
                        .param("regionCode", REGION)
                        .param("coverageYear", "2031")
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/dashboard").with(as(Department.MEDICAL_SECURITY))).andExpect(status().isForbidden());
    }

    @Test
    void withoutLoginTheDashboardAsksForOne() throws Exception {
        mvc.perform(get("/api/dashboard").param("regionCode", REGION).param("coverageYear", "2031"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/dashboard")).andExpect(status().isUnauthorized());
    }

    @Test
    void badParametersAreProblemsNamingTheField() throws Exception {
        mvc.perform(get("/api/dashboard")
                        .param("regionCode", "34172")
                        .param("coverageYear", "2031")
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        mvc.perform(get("/api/dashboard")
                        .param("regionCode", REGION)
                        .param("coverageYear", "二〇三一")
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
        mvc.perform(get("/api/dashboard").param("regionCode", REGION).with(as(Department.AUDITORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
        mvc.perform(get("/api/dashboard")
                        .param("regionCode", REGION)
                        .param("coverageYear", "1999")
                        .with(as(Department.AUDITORS)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
    }

    @Test
    void aCountySupervisorDoesNotSeeAnotherCounty() throws Exception {
        mvc.perform(get("/api/dashboard")
                        .param("regionCode", "341723")
                        .param("coverageYear", "2031")
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isNotFound());
        // the city bureau supervises its counties
        dashboard(as(Department.CITY_MEDICAL_SECURITY), "341723", 2031);
    }

    @Test
    void thePageIsServedWithItsChartsToASupervisor() throws Exception {
        String page = mvc.perform(get("/dashboard").with(as(Department.CIVIL_AFFAIRS_SUPERVISORS)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page)
                .contains("督导看板")
                .contains(
                        "id=\"chart-townships\"",
                        "id=\"chart-subsidies\"",
                        "id=\"chart-tasks\"",
                        "id=\"chart-majorMatters\"",
                        "id=\"chart-warnings\"",
                        "id=\"chart-trend\"")
                .contains("/webjars/echarts/5.3.1/dist/echarts.min.js");
        mvc.perform(get("/dashboard/dashboard.js").with(as(Department.CIVIL_AFFAIRS_SUPERVISORS)))
                .andExpect(status().isOk());
        mvc.perform(get("/webjars/echarts/5.3.1/dist/echarts.min.js")).andExpect(status().isOk());
    }

    private void seed(int year, String township, String status, String category, String subsidy, Instant at) {
        SeededCases.insert(
                jdbc, REGION, year, township, status, category, subsidy == null ? null : new BigDecimal(subsidy), at);
    }

    private static JsonNode countyStep(JsonNode d) {
        for (JsonNode s : d.get("majorMatters")) {
            if (s.get("taskKey").asText().equals("Task_CountyReview")) {
                return s;
            }
        }
        throw new AssertionError("no county step in " + d.get("majorMatters"));
    }

    private static long step(JsonNode d, String field) {
        return countyStep(d).get(field).asLong();
    }

    private static long supervisors(JsonNode d, String field) {
        for (JsonNode t : d.get("tasks")) {
            if (t.get("department").asText().equals("medical-security-supervisors")) {
                return t.get(field).asLong();
            }
        }
        return 0;
    }
}
