package com.yibaoflow.hardship;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestCases;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Department rosters through the API (issue #5 §1, §3). Content tests run as administrator on 石台县 (341722), so
 * that their versions are their own; the department rule is tested with a department user of Dongzhi.
 */
@IntegrationTest
class RosterImportTests {

    static final String REGION = "341722";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PolicyService policies;

    @Autowired
    Rosters rosters;

    @Autowired
    CaseHistory caseHistory;

    @BeforeEach
    void parametersFor341722() {
        TestPolicies.ensureActive(policies, REGION, 2025);
    }

    ResultActions upload(String department, String asOf, String csv, Department as, String region) throws Exception {
        var request = multipart("/api/rosters/imports")
                .file(new MockMultipartFile("file", "花名册.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("department", department)
                .param("asOf", asOf)
                .with(as(as));
        if (region != null) {
            request.param("regionCode", region);
        }
        return mvc.perform(request);
    }

    JsonNode report(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    @Test
    void R_SUB_10_R_SUB_11_R_SUB_12_aRosterVersionListsBadRowsChangesAndWhatTheyMeanForEnrolledPeople()
            throws Exception {
        String stays = TestIds.adult();
        String leaves = TestIds.adult();
        String renamed = TestIds.adult();
        String joinsLate = TestIds.adult();
        TestCases.enrolled(jdbc, leaves, REGION, 2025, "MINIMUM_LIVING");
        TestCases.enrolled(jdbc, joinsLate, REGION, 2025, null);

        JsonNode first = report(upload(
                        "civil-affairs",
                        "2024-10-01",
                        """
                民政局低保、特困人员花名册
                身份证号码,姓名,困难类别,认定起始日期,认定终止日期,乡镇
                %s,甲,低保对象,2024-01-01,,仁里镇
                %s,乙,低保,2024/3/1,,仁里镇
                %s,丙,特困人员,2023年6月1日,,仁里镇
                %s,丁,低保对象,2024-01-01,,仁里镇
                %s,戊,重度残疾人,2024-01-01,,仁里镇
                %s,己,富裕户,2024-01-01,,仁里镇
                %s,庚,低保对象,2024-13-01,,仁里镇
                """.formatted(
                                        stays,
                                        leaves,
                                        renamed,
                                        TestIds.withWrongCheckDigit(TestIds.adult()),
                                        TestIds.adult(),
                                        TestIds.adult(),
                                        TestIds.adult()),
                        Department.CAMUNDA_ADMIN,
                        REGION)
                .andExpect(status().isCreated()));
        assertThat(first.get("rows").asInt()).isEqualTo(7);
        assertThat(first.get("accepted").asInt()).isEqualTo(3);
        assertThat(first.get("errors"))
                .extracting(e -> e.get("field").asText())
                .containsExactly("idNumber", "category", "category", "validFrom");
        assertThat(first.get("errors").get(1).get("reason").asText())
                .startsWith("「困难类别」")
                .contains("认定，不能由");

        JsonNode uploaded = report(upload(
                        "civil-affairs",
                        "2025-03-01",
                        """
                身份证号码,姓名,困难类别,认定起始日期,认定终止日期,乡镇
                %s,甲,低保对象,2024-01-01,,仁里镇
                %s,丙二,特困人员,2023-06-01,,仁里镇
                %s,辛,低保对象,2025-02-20,,仁里镇
                """.formatted(stays, renamed, joinsLate),
                        Department.CAMUNDA_ADMIN,
                        REGION)
                .andExpect(status().isAccepted()));
        // 1 of the 3 current entries removed is more than 10 % (issue #16 §5): a civil-affairs supervisor confirms
        assertThat(uploaded.get("pending").asBoolean()).isTrue();
        JsonNode second = json.readTree(mvc.perform(post("/api/rosters/versions/"
                                + uploaded.get("versionId").asLong() + "/confirmation")
                        .with(asIn(Department.CIVIL_AFFAIRS_SUPERVISORS, REGION)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        assertThat(second.get("version").asInt()).isEqualTo(first.get("version").asInt() + 1);
        assertThat(second.get("added").asInt()).isEqualTo(1);
        assertThat(second.get("removed").asInt()).isEqualTo(1);
        assertThat(second.get("changed").asInt()).isEqualTo(1);
        assertThat(second.get("changes"))
                .extracting(c -> c.get("change").asText())
                .containsExactlyInAnyOrder("ADDED", "REMOVED", "CHANGED");
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.roster_version where region_code = ? and "
                                + "department = 'civil-affairs' and current",
                        Long.class,
                        REGION))
                .isEqualTo(1);

        // R-SUB-10: the removed person stays enrolled and paid; the case history says why nothing is refunded
        // (recorded by the audit module's listener once the import has committed)
        await().untilAsserted(() -> assertThat(caseHistory.of("ENR-341722-2025-" + leaves))
                .filteredOn(e -> "R-SUB-10".equals(e.ruleId()))
                .singleElement()
                .satisfies(e -> assertThat(e.detail()).contains("不退费")));
        // R-SUB-11: listed after the collection period, already enrolled → subsidy from 2026
        assertThat(second.get("subsidyEntitlements").asInt()).isEqualTo(1);
        assertThat(rosters.currentCategories(joinsLate, REGION, 2026, LocalDate.of(2025, 10, 1)))
                .contains("MINIMUM_LIVING");
        assertThat(rosters.entitlement(joinsLate, "MINIMUM_LIVING", REGION, 2026))
                .isPresent();
        assertThat(rosters.entitlement(joinsLate, "MINIMUM_LIVING", REGION, 2025))
                .isEmpty();

        mvc.perform(get("/api/rosters/versions/" + first.get("versionId").asLong())
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.current").value(false))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("validFrom")));
    }

    @Test
    void onlyTheOwningDepartmentUploadsItsRoster() throws Exception {
        upload("agriculture-rural", "2024-10-01", "身份证号码,姓名,困难类别,认定起始日期\n", Department.CIVIL_AFFAIRS, null)
                .andExpect(status().isForbidden());
        upload("tax", "2024-10-01", "身份证号码,姓名,困难类别,认定起始日期\n", Department.CAMUNDA_ADMIN, "341721")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("department"));
        upload("civil-affairs", "yesterday", "身份证号码,姓名,困难类别,认定起始日期\n", Department.CIVIL_AFFAIRS, null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
    }

    @Test
    void aFileThatIsNotARosterWritesNoVersion() throws Exception {
        long before = jdbc.queryForObject("select count(*) from yibao.roster_version", Long.class);
        upload("veterans-affairs", "2024-10-01", "会议,日期\n例会,2024-01-01\n", Department.CAMUNDA_ADMIN, REGION)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        assertThat(jdbc.queryForObject("select count(*) from yibao.roster_version", Long.class))
                .isEqualTo(before);
    }

    @Test
    void aFiftyThousandRowRosterImports() throws Exception {
        StringBuilder csv = new StringBuilder("身份证号码,姓名,困难类别,认定起始日期,乡镇\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append(TestIds.number(LocalDate.of(1930, 1, 1).plusDays(i / 500), i % 500))
                    .append(",居民")
                    .append(i)
                    .append(i % 2 == 0 ? ",返贫致贫人口" : ",防止返贫监测对象")
                    .append(",2024-01-01,仁里镇\n");
        }
        JsonNode report =
                report(upload("agriculture-rural", "2024-10-01", csv.toString(), Department.CAMUNDA_ADMIN, REGION)
                        .andExpect(status().isCreated()));
        assertThat(report.get("rows").asInt()).isEqualTo(50_000);
        assertThat(report.get("accepted").asInt()).isEqualTo(50_000);
        assertThat(report.get("changes").size()).isEqualTo(RosterAdoption.MAX_LISTED_CHANGES);
    }

    // ---- issue #16 §5: an upload cannot wipe a roster by mistake ----------------------------------------------

    /** A roster file listing the people under one category, valid from 2024-01-01. */
    static String roster(java.util.List<String> ids, String category) {
        StringBuilder csv = new StringBuilder("身份证号码,姓名,困难类别,认定起始日期\n");
        for (int i = 0; i < ids.size(); i++) {
            csv.append(ids.get(i))
                    .append(",名")
                    .append(i)
                    .append(',')
                    .append(category)
                    .append(",2024-01-01\n");
        }
        return csv.toString();
    }

    static String healthRoster(java.util.List<String> ids) {
        return roster(ids, "计划生育特殊家庭");
    }

    static String disabledRoster(java.util.List<String> ids) {
        return roster(ids, "一、二级重度残疾人");
    }

    @Test
    void aRosterThatRemovesMoreThanTheRegionsShareWaitsForASupervisorOfTheDepartment() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(TestIds.adult());
        }
        // health-commission supervisors in region 341722 (the test's own department and region)
        JsonNode first =
                report(upload("health-commission", "2024-10-01", healthRoster(ids), Department.CAMUNDA_ADMIN, REGION)
                        .andExpect(status().isCreated()));
        assertThat(first.get("pending").asBoolean()).isFalse();

        // 2 of 20 removed = 10 %: not more than the default share, applied at once
        JsonNode small = report(upload(
                        "health-commission",
                        "2024-10-02",
                        healthRoster(ids.subList(0, 18)),
                        Department.CAMUNDA_ADMIN,
                        REGION)
                .andExpect(status().isCreated()));
        assertThat(small.get("removed").asInt()).isEqualTo(2);
        assertThat(small.get("pending").asBoolean()).isFalse();
        long smallVersion = small.get("versionId").asLong();

        // 3 of the 18 current entries removed (16.7 %): kept pending with its diff, the current roster unchanged
        JsonNode big = report(upload(
                        "health-commission",
                        "2024-10-03",
                        healthRoster(ids.subList(0, 15)),
                        Department.CAMUNDA_ADMIN,
                        REGION)
                .andExpect(status().isAccepted()));
        assertThat(big.get("pending").asBoolean()).isTrue();
        assertThat(big.get("pendingReason").asText()).contains("would remove 3 of the 18 current entries");
        assertThat(big.get("removed").asInt()).isEqualTo(3);
        assertThat(big.get("subsidyEntitlements").asInt()).isZero();
        long bigVersion = big.get("versionId").asLong();
        assertThat(currentVersion()).isEqualTo(smallVersion);
        assertThat(rosters.currentCategories(ids.get(16), REGION, 2025, LocalDate.of(2024, 10, 3)))
                .as("a pending version changes nobody's listing")
                .isNotEmpty();

        // the clerks of the department, or of another department's supervisors, may not confirm it
        mvc.perform(post("/api/rosters/versions/" + bigVersion + "/confirmation")
                        .with(asIn(Department.HEALTH_COMMISSION, REGION)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/rosters/versions/" + bigVersion + "/confirmation")
                        .with(asIn(Department.CIVIL_AFFAIRS_SUPERVISORS, REGION)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/rosters/versions/" + bigVersion + "/confirmation")
                        .with(as(Department.HEALTH_COMMISSION_SUPERVISORS)))
                .andExpect(status().isNotFound()); // a supervisor of another region does not see it
        assertThat(currentVersion()).isEqualTo(smallVersion);

        // the department's supervisor confirms: current, changes applied, recorded who
        mvc.perform(post("/api/rosters/versions/" + bigVersion + "/confirmation")
                        .with(asIn(Department.HEALTH_COMMISSION_SUPERVISORS, REGION)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pending").value(false))
                .andExpect(jsonPath("$.removed").value(3));
        assertThat(currentVersion()).isEqualTo(bigVersion);
        assertThat(jdbc.queryForObject(
                        "select confirmed_by from yibao.roster_version where id = ?", String.class, bigVersion))
                .isNotBlank();
        // confirmed once only
        mvc.perform(post("/api/rosters/versions/" + bigVersion + "/confirmation")
                        .with(asIn(Department.HEALTH_COMMISSION_SUPERVISORS, REGION)))
                .andExpect(status().isConflict());
    }

    @Test
    void aPendingRosterIsSupersededByALaterUploadAndCannotBeConfirmedAgainstAChangedRoster() throws Exception {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(TestIds.adult());
        }
        upload("disabled-federation", "2024-10-01", disabledRoster(ids), Department.CAMUNDA_ADMIN, REGION)
                .andExpect(status().isCreated());
        long pending = report(upload(
                                "disabled-federation",
                                "2024-10-02",
                                disabledRoster(ids.subList(0, 5)),
                                Department.CAMUNDA_ADMIN,
                                REGION)
                        .andExpect(status().isAccepted()))
                .get("versionId")
                .asLong();
        // a later, small upload applies at once and supersedes the pending one
        upload("disabled-federation", "2024-10-03", disabledRoster(ids.subList(0, 9)), Department.CAMUNDA_ADMIN, REGION)
                .andExpect(status().isCreated());
        assertThat(jdbc.queryForObject("select pending from yibao.roster_version where id = ?", Boolean.class, pending))
                .isFalse();
        mvc.perform(post("/api/rosters/versions/" + pending + "/confirmation")
                        .with(asIn(Department.DISABLED_FEDERATION_SUPERVISORS, REGION)))
                .andExpect(status().isConflict());
    }

    @Autowired
    com.yibaoflow.identity.IdentityBootstrap identity;

    /** HTTP Basic as a user of the department in the region (created once). */
    org.springframework.test.web.servlet.request.RequestPostProcessor asIn(Department department, String region) {
        String user = department.groupId() + "-" + region;
        identity.ensureUser(user, "secret", "测试", department.chineseName(), department, region);
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic(
                user, "secret");
    }

    Long currentVersion() {
        return jdbc.queryForObject(
                "select id from yibao.roster_version where department = 'health-commission' and region_code = ? "
                        + "and current",
                Long.class,
                REGION);
    }
}
