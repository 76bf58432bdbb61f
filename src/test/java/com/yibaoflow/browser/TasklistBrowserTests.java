package com.yibaoflow.browser;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #21 §5: a department's day in Camunda Tasklist, in Chinese, in a real browser. Each path is one small test
 * method on {@link TasklistPage}; one browser session for the class.
 */
@BrowserTest
@InCollectionPeriod
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessDriver driver;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void R_SUB_01_aCivilAffairsUserVerifiesAHardshipClaimInChineseTasklist() throws Exception {
        String root = enrollment("王五", "LOCAL_HUKOU", "\"EXTREME_POVERTY\"");

        TasklistPage tasklist = new TasklistPage(browser).open();
        assertThat(tasklist.loginTexts()).contains("用户名", "密码", "登录");
        assertThat(tasklist.bodyText()).doesNotContain("Username", "Password", "Log in");
        tasklist.login(TestUsers.userOf(Department.CIVIL_AFFAIRS), TestUsers.PASSWORD)
                .filter(IdentityBootstrap.FILTER_DEPARTMENT_TASKS)
                .task("王五");
        tasklist.claim();
        browser.screenshot("tasklist-zh", "tasklist-zh.png");
        assertThat(tasklist.bodyText()).doesNotContain("Claim", "Filters", "Complete", "Form", "History", "Diagram");
        tasklist.choose("核实属实");
        browser.screenshot("form", "form.png");
        tasklist.complete();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(history.createHistoricTaskInstanceQuery()
                                .rootProcessInstanceId(root)
                                .taskDefinitionKey("Task_VerifyClaim")
                                .finished()
                                .taskAssignee(TestUsers.userOf(Department.CIVIL_AFFAIRS))
                                .count())
                        .isEqualTo(1));
    }

    @Test
    void aCaseworkerReviewsAnEnrollmentFromTheDepartmentFilterAndTheCaseMovesOn() throws Exception {
        // a non-local resident without a residence permit stops at the caseworker's review
        String root = enrollment("赵六", "NON_LOCAL_RESIDENT", "");

        new TasklistPage(browser)
                .open()
                .login(TestUsers.userOf(Department.MEDICAL_SECURITY), TestUsers.PASSWORD)
                .filter(IdentityBootstrap.FILTER_DEPARTMENT_TASKS)
                .task("赵六")
                .claim()
                .choose("批准参保")
                .complete();

        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(history.createHistoricTaskInstanceQuery()
                                .rootProcessInstanceId(root)
                                .taskDefinitionKey("Task_ReviewEnrollment")
                                .finished()
                                .taskAssignee(TestUsers.userOf(Department.MEDICAL_SECURITY))
                                .count())
                        .isEqualTo(1));
        assertThat(history.createHistoricTaskInstanceQuery()
                        .rootProcessInstanceId(root)
                        .taskDefinitionKey("Task_ReviewEnrollment")
                        .unfinished()
                        .count())
                .isZero();
    }

    @Test
    void R_MM_02_aSupervisorApprovesAMajorMatterRequestAndItMovesToTheCity() throws Exception {
        JsonNode request = majorMatterWaitingAtTheCounty();
        String countyTask = tasks.createTaskQuery()
                .processInstanceId(request.get("processInstanceId").asText())
                .taskDefinitionKey("Task_CountyReview")
                .singleResult()
                .getId();

        TasklistPage tasklist = new TasklistPage(browser)
                .open()
                .login(TestUsers.userOf(Department.MEDICAL_SECURITY_SUPERVISORS), TestUsers.PASSWORD)
                .filter(IdentityBootstrap.FILTER_DEPARTMENT_TASKS)
                .taskWithId(countyTask)
                .claim();
        assertThat(tasklist.readOnlyValue("文号"))
                .isEqualTo(request.get("documentNumber").asText());
        assertThat(tasklist.readOnlyValue("事项类型")).isEqualTo("改革措施");
        tasklist.choose("同意上报／同意").write("审核意见", "同意上报，请市局审核。");
        browser.screenshot("major-matter-review", "major-matter-review.png");
        tasklist.complete();

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode now = majorMatter(request.get("id").asLong());
            assertThat(now.get("currentLevel").asText()).isEqualTo("CITY");
            assertThat(now.get("opinions").get(0).get("userId").asText())
                    .isEqualTo(TestUsers.userOf(Department.MEDICAL_SECURITY_SUPERVISORS));
            assertThat(now.get("opinions").get(0).get("decision").asText()).isEqualTo("APPROVE");
            assertThat(now.get("opinions").get(0).get("opinion").asText()).isEqualTo("同意上报，请市局审核。");
        });
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(request.get("processInstanceId").asText())
                        .taskDefinitionKey("Task_CityReview")
                        .count())
                .isEqualTo(1);
    }

    /** A reform measure (decided by the province, R-MM-04) drafted by a county caseworker: the county reviews first. */
    private JsonNode majorMatterWaitingAtTheCounty() throws Exception {
        JsonNode created = json.readTree(mvc.perform(post("/api/major-matters")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type":"REFORM_MEASURE","title":"关于推进门诊共济保障改革的请示",
                                 "situation":"门诊费用负担较重。","proposal":"建议开展门诊共济改革试点。",
                                 "regionCode":"341721"}"""))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        driver.runJobs(created.get("processInstanceId").asText());
        return created;
    }

    private JsonNode majorMatter(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/major-matters/" + id).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private String enrollment(String name, String residence, String claims) throws Exception {
        JsonNode created = json.readTree(mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"%s",
                                 "residence":"%s","township":"尧渡镇","phone":"13800000000",
                                 "claimedCategories":[%s]}""".formatted(TestIds.adult(), name, residence, claims)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String root = created.get("processInstanceId").asText();
        driver.runJobs(root);
        return root;
    }
}
