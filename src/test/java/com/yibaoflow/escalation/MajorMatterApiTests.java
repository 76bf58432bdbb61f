package com.yibaoflow.escalation;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestUsers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The major-matter API on PostgreSQL (issue #18 "API", §1 drafting, R-MM-02 access by level and region). */
@IntegrationTest
class MajorMatterApiTests {

    static final String PROBLEMS = "https://yibaoflow.github.io/problems/";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IdentityBootstrap identity;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessDriver driver;

    @Autowired
    PolicyService policies;

    @Autowired
    ProcessEngine engine;

    static final RequestPostProcessor CASEWORKER = as(Department.MEDICAL_SECURITY);
    static final RequestPostProcessor COUNTY = as(Department.MEDICAL_SECURITY_SUPERVISORS);
    static final RequestPostProcessor CITY = as(Department.CITY_MEDICAL_SECURITY);
    static final RequestPostProcessor PROVINCE = as(Department.PROVINCIAL_MEDICAL_SECURITY);
    static final RequestPostProcessor PROVINCIAL_FINANCE = as(Department.PROVINCIAL_FINANCE);
    /** A county supervisor of 石台县 (341722): the right department, another county. */
    static final RequestPostProcessor SHITAI_SUPERVISOR = httpBasic("mm-supervisor-341722", TestUsers.PASSWORD);
    /** A supervisor working for the city (341700): sees Dongzhi's requests, but the county level is not the city's. */
    static final RequestPostProcessor CITY_SUPERVISOR = httpBasic("mm-supervisor-341700", TestUsers.PASSWORD);

    @BeforeEach
    void users() {
        identity.ensureUser(
                "mm-supervisor-341722",
                TestUsers.PASSWORD,
                "测试",
                "石台主管",
                Department.MEDICAL_SECURITY_SUPERVISORS,
                "341722");
        identity.ensureUser(
                "mm-supervisor-341700",
                TestUsers.PASSWORD,
                "测试",
                "池州主管",
                Department.MEDICAL_SECURITY_SUPERVISORS,
                "341700");
        identity.ensureUser(
                "mm-caseworker-341723", TestUsers.PASSWORD, "测试", "青阳经办", Department.MEDICAL_SECURITY, "341723");
    }

    static String draft(String type, String region) {
        return """
                {"type":"%s","title":"关于调整城乡居民医保个人缴费标准的请示","situation":"2025年基金收支基本平衡。",
                 "proposal":"建议个人缴费标准调整为每人每年400元。","regionCode":"%s"}""".formatted(type, region);
    }

    JsonNode submit(RequestPostProcessor user, String body) throws Exception {
        String response = mvc.perform(post("/api/major-matters")
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response);
    }

    /** A DRAFT of Dongzhi's parameters for a later coverage year, for a request to name. */
    PolicyVersion draftOf(int year) {
        var dongzhi = policies.active("341721", 2025);
        var p = dongzhi.parameters();
        var periods = new PolicyParameters.Periods(
                p.periods().collectionStart().plusYears(year - 2025),
                p.periods().collectionEnd().plusYears(year - 2025),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return policies.createDraft(
                "341721",
                year,
                new PolicyParameters(
                        periods, p.funding(), p.subsidies(), p.waiting(), p.incentives(), p.benefits(), p.monitoring()),
                dongzhi.provenance(),
                "draft for a request",
                "test");
    }

    long submitted(String type) throws Exception {
        return submit(CASEWORKER, draft(type, "341721")).get("id").asLong();
    }

    JsonNode act(RequestPostProcessor user, long id, String task, String body, int expectedStatus) throws Exception {
        String response = mvc.perform(post("/api/major-matters/" + id + "/tasks/" + task)
                        .with(user)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expectedStatus))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(response);
    }

    JsonNode fetch(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/major-matters/" + id).with(CASEWORKER))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    long count(String table) {
        return jdbc.queryForObject("select count(*) from yibao." + table, Long.class);
    }

    @Nested
    class Drafting {

        @Test
        void aSubmittedRequestIsNumberedRecordedAndWaitsAtTheCounty() throws Exception {
            JsonNode m = submit(CASEWORKER, draft("CONTRIBUTION_STANDARD", "341721"));
            long id = m.get("id").asLong();
            assertThat(m.get("documentNumber").asText()).matches("东医保〔\\d{4}〕\\d+号");
            assertThat(m.get("businessKey").asText())
                    .isEqualTo("MM-341721-" + m.get("documentNumber").asText());
            mvc.perform(get("/api/major-matters/" + id).with(CASEWORKER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("IN_REVIEW"))
                    .andExpect(jsonPath("$.currentLevel").value("COUNTY"))
                    .andExpect(jsonPath("$.waitingSince").value(notNullValue()))
                    .andExpect(jsonPath("$.draftedBy").value("medical-security-user"))
                    .andExpect(jsonPath("$.typeLabel").value("个人缴费标准"))
                    .andExpect(jsonPath("$.waitingAt[0].taskKey").value("Task_CountyReview"))
                    .andExpect(jsonPath("$.waitingAt[0].candidateGroups[0]").value("medical-security-supervisors"))
                    .andExpect(jsonPath("$.opinions").isEmpty());
            // the form's read-only facts are process variables
            String pi = m.get("processInstanceId").asText();
            assertThat(runtime.getVariables(pi))
                    .containsEntry("documentNumber", m.get("documentNumber").asText())
                    .containsEntry("matterTypeLabel", "个人缴费标准")
                    .containsEntry("title", "关于调整城乡居民医保个人缴费标准的请示");
        }

        @Test
        void everyMissingOrInvalidFieldIsNamedAndNothingIsNumbered() throws Exception {
            long matters = count("major_matter");
            Integer counter = jdbc.queryForObject(
                    "select coalesce(sum(last_value), 0) from yibao.major_matter_number", Integer.class);
            mvc.perform(post("/api/major-matters")
                            .with(CASEWORKER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("""
                                    {"title":" ","situation":"","regionCode":"341721"}"""))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "validation"))
                    .andExpect(jsonPath("$.errors[*].field")
                            .value(containsInAnyOrder("type", "title", "situation", "proposal")));
            mvc.perform(post("/api/major-matters")
                            .with(CASEWORKER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft("HOLIDAY_BONUS", "341721")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("type"));
            assertThat(count("major_matter")).isEqualTo(matters);
            assertThat(jdbc.queryForObject(
                            "select coalesce(sum(last_value), 0) from yibao.major_matter_number", Integer.class))
                    .isEqualTo(counter);
        }

        @Test
        void aRegionIsDraftedForByItsOwnStaffOnly() throws Exception {
            mvc.perform(post("/api/major-matters")
                            .with(CASEWORKER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft("REFORM_MEASURE", "341722")))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "forbidden"));
            mvc.perform(post("/api/major-matters")
                            .with(CITY)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft("REFORM_MEASURE", "341700")))
                    .andExpect(status().isForbidden());
        }

        @Test
        void R_MM_03_theVersionToActivateIsADraftOfTheRegion() throws Exception {
            String active = draft("CONTRIBUTION_STANDARD", "341721")
                    .replace(
                            "}", ",\"policyVersion\":{\"regionCode\":\"341721\",\"coverageYear\":2025,\"version\":1}}");
            mvc.perform(post("/api/major-matters")
                            .with(CASEWORKER)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(active))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("policyVersion"))
                    .andExpect(jsonPath("$.detail").value(containsString("DRAFT")));
            var draftVersion = draftOf(2031);
            JsonNode m = submit(
                    CASEWORKER,
                    draft("CONTRIBUTION_STANDARD", "341721")
                            .replace(
                                    "}",
                                    ",\"policyVersion\":{\"regionCode\":\"341721\",\"coverageYear\":2031,\"version\":"
                                            + draftVersion.version() + "}}"));
            assertThat(m.at("/policyVersion/coverageYear").asInt()).isEqualTo(2031);
            assertThat(runtime.getVariable(m.get("processInstanceId").asText(), "policyVersionLabel"))
                    .isEqualTo("341721 2031年度 第" + draftVersion.version() + "版");
        }

        @Test
        void R_MM_04_aMatterOutsideLocalPowersIsRefusedAtOnceWithTheReason() throws Exception {
            JsonNode m = submit(CASEWORKER, draft("OUTSIDE_LOCAL_POWERS", "341721"));
            assertThat(m.get("state").asText()).isEqualTo("REFUSED");
            assertThat(m.get("refusalReason").asText()).contains("R-MM-04");
            assertThat(m.get("currentLevel").isNull()).isTrue();
            assertThat(m.get("closedAt").isNull()).isFalse();
            assertThat(m.get("waitingAt")).isEmpty();
        }
    }

    @Nested
    class LevelByLevel {

        @Test
        void R_MM_02_aRequestGoesUpLevelByLevelAndEveryStepIsKept() throws Exception {
            long id = submitted("REFORM_MEASURE");
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"APPROVE\",\"opinion\":\"同意上报\"}", 200);
            JsonNode atCity = fetch(id);
            assertThat(atCity.get("currentLevel").asText()).isEqualTo("CITY");
            assertThat(atCity.at("/waitingAt/0/taskKey").asText()).isEqualTo("Task_CityReview");
            act(CITY, id, "Task_CityReview", "{\"decision\":\"APPROVE\"}", 200);
            JsonNode atProvince = fetch(id);
            assertThat(atProvince.get("currentLevel").asText()).isEqualTo("PROVINCE");
            assertThat(atProvince.get("waitingAt")).hasSize(2);
            act(PROVINCE, id, "Task_ProvinceReview", "{\"opinion\":\"基金可承受\"}", 200);
            act(PROVINCIAL_FINANCE, id, "Task_FinanceOpinion", "{\"opinion\":\"同意\"}", 200);
            act(PROVINCE, id, "Task_JointOpinion", "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}", 200);
            driver.runJobs(fetch(id).get("processInstanceId").asText());
            JsonNode done = fetch(id);
            assertThat(done.get("state").asText()).isEqualTo("APPROVED");
            assertThat(done.get("opinions").findValuesAsText("userId"))
                    .containsExactly(
                            "medical-security-supervisors-user",
                            "city-medical-security-user",
                            "provincial-medical-security-user",
                            "provincial-finance-user",
                            "provincial-medical-security-user");
            assertThat(done.get("opinions").findValuesAsText("level"))
                    .containsExactly("COUNTY", "CITY", "PROVINCE", "PROVINCE", "PROVINCE");
            assertThat(done.get("opinions").findValuesAsText("decision"))
                    .containsExactly("APPROVE", "APPROVE", "OPINION", "OPINION", "APPROVE");
        }

        @Test
        void R_MM_02_aUserOfAnotherLevelOrRegionMayNotActAndNothingChanges() throws Exception {
            long id = submitted("REFORM_MEASURE");
            String approve = "{\"decision\":\"APPROVE\",\"opinion\":\"同意\"}";
            // another level's department
            JsonNode city = act(CITY, id, "Task_CountyReview", approve, 403);
            assertThat(city.get("type").asText()).isEqualTo(PROBLEMS + "forbidden");
            assertThat(city.get("detail").asText())
                    .contains("medical-security-supervisors")
                    .contains("不在此审核层级"); // read in Tasklist (issue #21 §3)
            act(CASEWORKER, id, "Task_CountyReview", approve, 403);
            // the right department, another region: a county that is not Dongzhi, the city office
            act(SHITAI_SUPERVISOR, id, "Task_CountyReview", approve, 403);
            JsonNode citySupervisor = act(CITY_SUPERVISOR, id, "Task_CountyReview", approve, 403);
            assertThat(citySupervisor.get("detail").asText()).contains("由东至县（341721）办理");
            assertThat(fetch(id).get("opinions")).isEmpty();
            assertThat(fetch(id).get("currentLevel").asText()).isEqualTo("COUNTY");
            // Tasklist's door: claiming is refused to another region's supervisor too
            String pi = fetch(id).get("processInstanceId").asText();
            String taskId =
                    tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
            assertThatThrownBy(() -> tasks.claim(taskId, "mm-supervisor-341722"))
                    .hasStackTraceContaining("由东至县（341721）办理");
            assertThat(tasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                    .isNull();
            // the county acts; now the county may not act for the city
            act(COUNTY, id, "Task_CountyReview", approve, 200);
            act(COUNTY, id, "Task_CityReview", approve, 403);
            act(PROVINCE, id, "Task_CityReview", approve, 403);
            // a task that is not open
            act(COUNTY, id, "Task_CountyReview", approve, 409);
        }

        @Test
        void R_MM_01_anApprovedStandardIsFiledWithTheThreeAuthorities() throws Exception {
            long id = submitted("CONTRIBUTION_STANDARD");
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"APPROVE\"}", 200);
            act(CITY, id, "Task_CityReview", "{\"decision\":\"APPROVE\"}", 200);
            act(PROVINCE, id, "Task_ProvinceReview", "{\"opinion\":\"可行\"}", 200);
            act(PROVINCIAL_FINANCE, id, "Task_FinanceOpinion", "{\"opinion\":\"同意\"}", 200);
            act(PROVINCE, id, "Task_JointOpinion", "{\"decision\":\"APPROVE\",\"opinion\":\"同意，报备案\"}", 200);
            assertThat(fetch(id).get("state").asText()).isEqualTo("FILING");
            // three filings in parallel, one task per agency; a filing without its reference is refused by field
            JsonNode incomplete = act(PROVINCE, id, "Task_FileWithSta", "{\"filingDate\":\"2026-03-04\"}", 400);
            assertThat(incomplete.at("/errors/0/field").asText()).isEqualTo("filingReference");
            JsonNode future = act(PROVINCE, id, "Task_FileWithSta", """
                    {"filingReference":"税备〔2026〕1号","filingDate":"2099-01-01"}""", 400);
            assertThat(future.at("/errors/0/field").asText()).isEqualTo("filingDate");
            act(CITY, id, "Task_FileWithNhsa", """
                    {"filingReference":"医保备〔2026〕1号","filingDate":"2026-03-02"}""", 403);
            act(PROVINCE, id, "Task_FileWithNhsa", """
                    {"filingReference":"医保备〔2026〕1号","filingDate":"2026-03-02"}""", 200);
            act(PROVINCE, id, "Task_FileWithMof", """
                    {"filingReference":"财备〔2026〕1号","filingDate":"2026-03-03"}""", 200);
            assertThat(fetch(id).get("state").asText()).isEqualTo("FILING");
            act(PROVINCE, id, "Task_FileWithSta", """
                    {"filingReference":"税备〔2026〕1号","filingDate":"2026-03-04"}""", 200);
            driver.runJobs(fetch(id).get("processInstanceId").asText());
            JsonNode filed = fetch(id);
            assertThat(filed.get("state").asText()).isEqualTo("APPROVED");
            assertThat(filed.get("filings").findValuesAsText("authority")).containsExactly("NHSA", "MOF", "STA");
            assertThat(filed.get("filings").findValuesAsText("reference"))
                    .containsExactly("医保备〔2026〕1号", "财备〔2026〕1号", "税备〔2026〕1号");
            assertThat(filed.get("filings").findValuesAsText("filedOn"))
                    .containsExactly("2026-03-02", "2026-03-03", "2026-03-04");
            assertThat(filed.get("opinions").findValuesAsText("decision"))
                    .last()
                    .isEqualTo("FILED");
        }

        @Test
        void R_MM_03_anApprovedRequestNamingADraftActivatesItAsItsLastStep() throws Exception {
            PolicyVersion draft = draftOf(2032);
            JsonNode m = submit(
                    CASEWORKER,
                    draft("CONTRIBUTION_STANDARD", "341721")
                            .replace(
                                    "}",
                                    ",\"policyVersion\":{\"regionCode\":\"341721\",\"coverageYear\":2032,\"version\":"
                                            + draft.version() + "}}"));
            long id = m.get("id").asLong();
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"APPROVE\"}", 200);
            act(CITY, id, "Task_CityReview", "{\"decision\":\"APPROVE\"}", 200);
            act(PROVINCE, id, "Task_ProvinceReview", "{\"opinion\":\"基金可承受\"}", 200);
            act(PROVINCIAL_FINANCE, id, "Task_FinanceOpinion", "{\"opinion\":\"同意\"}", 200);
            act(PROVINCE, id, "Task_JointOpinion", "{\"decision\":\"APPROVE\"}", 200);
            assertThat(policies.version("341721", 2032, draft.version()).status())
                    .isEqualTo(PolicyStatus.DRAFT);
            String today = LocalDate.ofInstant(
                            org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                                    .toInstant(),
                            java.time.ZoneId.of("Asia/Shanghai"))
                    .toString();
            for (String filing : List.of("Task_FileWithNhsa", "Task_FileWithMof", "Task_FileWithSta")) {
                act(PROVINCE, id, filing, "{\"filingReference\":\"备〔2032〕1号\",\"filingDate\":\"" + today + "\"}", 200);
            }
            driver.runJobs(m.get("processInstanceId").asText());
            assertThat(fetch(id).get("state").asText()).isEqualTo("APPROVED");
            assertThat(policies.version("341721", 2032, draft.version()).status())
                    .isEqualTo(PolicyStatus.ACTIVE);
            assertThat(policies.active("341721", 2032).version()).isEqualTo(draft.version());
        }

        @Test
        void R_MM_02_tasklistCompletionByAnotherRegionsSupervisorIsRefused() throws Exception {
            long id = submitted("REFORM_MEASURE");
            String pi = fetch(id).get("processInstanceId").asText();
            String taskId =
                    tasks.createTaskQuery().processInstanceId(pi).singleResult().getId();
            // as Tasklist does: the engine knows the logged-in user, who is in the task's candidate group
            engine.getIdentityService()
                    .setAuthentication(
                            "mm-supervisor-341722", List.of(Department.MEDICAL_SECURITY_SUPERVISORS.groupId()));
            try {
                assertThatThrownBy(() -> tasks.complete(taskId, java.util.Map.of("decision", "APPROVE")))
                        .hasStackTraceContaining("由东至县（341721）办理");
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            assertThat(fetch(id).get("opinions")).isEmpty();
            assertThat(tasks.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
        }

        @Test
        void aReturnGoesBackToTheDrafterAndTheNextRoundKeepsTheFirst() throws Exception {
            long id = submitted("BENEFIT_ADJUSTMENT");
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"RETURN\"}", 400);
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"RETURN\",\"opinion\":\"测算依据不足\"}", 200);
            JsonNode returned = fetch(id);
            assertThat(returned.get("state").asText()).isEqualTo("RETURNED");
            assertThat(returned.get("currentLevel").asText()).isEqualTo("DRAFTER");
            act(CASEWORKER, id, "Task_ReviseRequest", "{\"situation\":\"补充了基金测算。\",\"proposal\":\"同前。\"}", 200);
            JsonNode again = fetch(id);
            assertThat(again.get("state").asText()).isEqualTo("IN_REVIEW");
            assertThat(again.get("currentLevel").asText()).isEqualTo("COUNTY");
            assertThat(again.get("round").asInt()).isEqualTo(2);
            assertThat(again.get("situation").asText()).isEqualTo("补充了基金测算。");
            assertThat(again.get("opinions").findValuesAsText("decision")).containsExactly("RETURN", "RESUBMIT");
            assertThat(again.get("opinions").findValuesAsText("round")).containsExactly("1", "1");
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"REJECT\",\"opinion\":\"仍不符合\"}", 200);
            JsonNode rejected = fetch(id);
            assertThat(rejected.get("state").asText()).isEqualTo("REJECTED");
            assertThat(rejected.get("opinions").findValuesAsText("round")).containsExactly("1", "1", "2");
        }

        @Test
        void R_MM_05_aReportIsNotApproved() throws Exception {
            long id = submitted("MAJOR_SITUATION_REPORT");
            JsonNode refused = act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"APPROVE\"}", 422);
            assertThat(refused.get("ruleId").asText()).isEqualTo("R-MM-05");
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"ACKNOWLEDGE\"}", 200);
        }
    }

    @Nested
    class Listing {

        @Test
        void filtersByRegionStateTypeAndLevelWithinTheRegionsTheUserSees() throws Exception {
            long benefit = submitted("BENEFIT_ADJUSTMENT");
            long reform = submitted("REFORM_MEASURE");
            act(COUNTY, reform, "Task_CountyReview", "{\"decision\":\"APPROVE\"}", 200);
            mvc.perform(get("/api/major-matters?type=BENEFIT_ADJUSTMENT&state=IN_REVIEW&level=COUNTY&size=500")
                            .with(CASEWORKER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].id").value(hasItem((int) benefit)))
                    .andExpect(jsonPath("$.content[*].id").value(not(hasItem((int) reform))))
                    .andExpect(jsonPath("$.content[*].type").value(not(hasItem("REFORM_MEASURE"))));
            mvc.perform(get("/api/major-matters?level=CITY&regionCode=341721&size=500")
                            .with(CITY))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].id").value(hasItem((int) reform)))
                    .andExpect(jsonPath("$.content[*].id").value(not(hasItem((int) benefit))));
            // 石台县 sees none of Dongzhi's, and a Dongzhi request is not found for it
            mvc.perform(get("/api/major-matters?size=500").with(SHITAI_SUPERVISOR))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.content[*].regionCode").value(not(hasItem("341721"))));
            mvc.perform(get("/api/major-matters/" + benefit).with(SHITAI_SUPERVISOR))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/major-matters?level=SOMEWHERE").with(CASEWORKER))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("level"));
        }
    }

    @Nested
    class Attachments {

        static final byte[] PDF =
                "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};
        static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'
        };

        JsonNode upload(long id, MockMultipartFile file, int expectedStatus) throws Exception {
            return json.readTree(mvc.perform(multipart("/api/major-matters/" + id + "/attachments")
                            .file(file)
                            .with(CASEWORKER))
                    .andExpect(status().is(expectedStatus))
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));
        }

        @Test
        void aPdfIsKeptAndStreamedWithTheDetectedTypeAndNamedInTheForm() throws Exception {
            long id = submitted("REFORM_MEASURE");
            JsonNode a = upload(id, new MockMultipartFile("file", "测算表.pdf", "application/octet-stream", PDF), 201);
            assertThat(a.get("contentType").asText()).isEqualTo("application/pdf");
            assertThat(a.get("sizeBytes").asLong()).isEqualTo(PDF.length);
            mvc.perform(get("/api/major-matters/" + id + "/attachments/"
                                    + a.get("id").asLong())
                            .with(COUNTY))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Content-Type", "application/pdf"))
                    .andExpect(header().string("Content-Disposition", containsString("attachment")))
                    .andExpect(content().bytes(PDF));
            JsonNode m = fetch(id);
            assertThat(m.at("/attachments/0/fileName").asText()).isEqualTo("测算表.pdf");
            assertThat(runtime.getVariable(m.get("processInstanceId").asText(), "attachmentNames"))
                    .isEqualTo("测算表.pdf");
            // another county does not read it
            mvc.perform(get("/api/major-matters/" + id + "/attachments/"
                                    + a.get("id").asLong())
                            .with(SHITAI_SUPERVISOR))
                    .andExpect(status().isNotFound());
        }

        @Test
        void wordAndExcelDocumentsOldAndNewAreRecognisedByTheirContent() throws Exception {
            long id = submitted("REFORM_MEASURE");
            ByteArrayOutputStream docx = new ByteArrayOutputStream();
            try (XWPFDocument doc = new XWPFDocument()) {
                doc.createParagraph().createRun().setText("请示正文");
                doc.write(docx);
            }
            ByteArrayOutputStream xls = new ByteArrayOutputStream();
            try (HSSFWorkbook book = new HSSFWorkbook()) {
                book.createSheet("基金").createRow(0).createCell(0).setCellValue(1);
                book.write(xls);
            }
            assertThat(upload(id, new MockMultipartFile("file", "请示.docx", null, docx.toByteArray()), 201)
                            .get("contentType")
                            .asText())
                    .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            assertThat(upload(id, new MockMultipartFile("file", "基金.xls", null, xls.toByteArray()), 201)
                            .get("contentType")
                            .asText())
                    .isEqualTo("application/vnd.ms-excel");
            assertThat(upload(id, new MockMultipartFile("file", "照片.png", "image/png", PNG), 201)
                            .get("contentType")
                            .asText())
                    .isEqualTo("image/png");
        }

        @Test
        void tooLargeWrongOrDisguisedFilesAreRefusedNamingTheFieldAndNothingIsKept() throws Exception {
            long id = submitted("REFORM_MEASURE");
            long before = count("major_matter_attachment");
            byte[] big = new byte[(int) AttachmentTypes.MAX_BYTES + 1];
            System.arraycopy(PDF, 0, big, 0, PDF.length);
            JsonNode tooBig = upload(id, new MockMultipartFile("file", "big.pdf", "application/pdf", big), 413);
            assertThat(tooBig.get("type").asText()).isEqualTo(PROBLEMS + "payload-too-large");
            assertThat(tooBig.at("/errors/0/field").asText()).isEqualTo("file");
            JsonNode text = upload(
                    id,
                    new MockMultipartFile("file", "notes.txt", "text/plain", "只是文字".getBytes(StandardCharsets.UTF_8)),
                    415);
            assertThat(text.get("type").asText()).isEqualTo(PROBLEMS + "unsupported-media-type");
            assertThat(text.at("/errors/0/field").asText()).isEqualTo("file");
            // an executable named and declared as a PDF
            JsonNode exe = upload(id, new MockMultipartFile("file", "报告.pdf", "application/pdf", EXE), 415);
            assertThat(exe.at("/errors/0/field").asText()).isEqualTo("file");
            // an image whose name claims it is a PDF
            JsonNode png = upload(id, new MockMultipartFile("file", "报告.pdf", "application/pdf", PNG), 415);
            assertThat(png.get("detail").asText()).contains("PNG");
            // a ZIP that is no Office document
            upload(id, new MockMultipartFile("file", "a.docx", null, new byte[] {'P', 'K', 3, 4, 0, 0}), 415);
            upload(id, new MockMultipartFile("file", "empty.pdf", null, new byte[0]), 400);
            assertThat(count("major_matter_attachment")).isEqualTo(before);
        }

        @Test
        void onlyTheDraftingRegionsBureauAttaches() throws Exception {
            long id = submitted("REFORM_MEASURE");
            mvc.perform(multipart("/api/major-matters/" + id + "/attachments")
                            .file(new MockMultipartFile("file", "a.pdf", null, PDF))
                            .with(CITY))
                    .andExpect(status().isForbidden());
        }
    }

    @Nested
    class Withdrawal {

        @Test
        void theDrafterWithdrawsARequestNoOneHasActedOn() throws Exception {
            long id = submitted("REFORM_MEASURE");
            mvc.perform(post("/api/major-matters/" + id + "/withdrawal").with(COUNTY))
                    .andExpect(status().isForbidden());
            mvc.perform(post("/api/major-matters/" + id + "/withdrawal").with(CASEWORKER))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.state").value("WITHDRAWN"))
                    .andExpect(jsonPath("$.currentLevel").doesNotExist())
                    .andExpect(jsonPath("$.opinions[0].decision").value("WITHDRAW"));
            mvc.perform(post("/api/major-matters/" + id + "/withdrawal").with(CASEWORKER))
                    .andExpect(status().isConflict());
        }

        @Test
        void aRequestSomeoneHasActedOnIsNotWithdrawn() throws Exception {
            long id = submitted("REFORM_MEASURE");
            act(COUNTY, id, "Task_CountyReview", "{\"decision\":\"APPROVE\"}", 200);
            mvc.perform(post("/api/major-matters/" + id + "/withdrawal").with(CASEWORKER))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value(PROBLEMS + "conflict"));
            assertThat(fetch(id).get("state").asText()).isEqualTo("IN_REVIEW");

            long claimed = submitted("REFORM_MEASURE");
            String pi = fetch(claimed).get("processInstanceId").asText();
            tasks.claim(
                    tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(),
                    "medical-security-supervisors-user");
            mvc.perform(post("/api/major-matters/" + claimed + "/withdrawal").with(CASEWORKER))
                    .andExpect(status().isConflict());
        }
    }

    @Test
    void twentyConcurrentSubmissionsGetUniqueGaplessNumbers() throws Exception {
        RequestPostProcessor qingyang = httpBasic("mm-caseworker-341723", TestUsers.PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<String> numbers = new ArrayList<>();
        try {
            List<Callable<String>> submissions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                submissions.add(() -> submit(qingyang, draft("REFORM_MEASURE", "341723"))
                        .get("documentNumber")
                        .asText());
            }
            for (Future<String> f : pool.invokeAll(submissions)) {
                numbers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(numbers).hasSize(20).doesNotHaveDuplicates().allMatch(n -> n.matches("青医保〔\\d{4}〕\\d+号"));
        // every number of the body and year issued so far is on a request, from 1 without a gap
        Pattern form = Pattern.compile("青医保〔(\\d{4})〕(\\d+)号");
        Matcher first = form.matcher(numbers.get(0));
        assertThat(first.matches()).isTrue();
        String year = first.group(1);
        List<Integer> all = jdbc
                .queryForList(
                        "select document_number from yibao.major_matter where document_number like ?",
                        String.class,
                        "青医保〔" + year + "〕%")
                .stream()
                .map(n -> {
                    Matcher m = form.matcher(n);
                    assertThat(m.matches()).isTrue();
                    return Integer.parseInt(m.group(2));
                })
                .sorted()
                .toList();
        assertThat(all).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isEqualTo(i + 1);
        }
    }
}
