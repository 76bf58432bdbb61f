package com.yibaoflow.policy;

import static com.yibaoflow.policy.PolicySets.forYear;
import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import com.yibaoflow.testsupport.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue #17 item 2: SEED / EXTERNAL / SAMPLE in the policy and calculation API, and an office's confirmation of an
 * EXTERNAL or SAMPLE figure by its own document; on PostgreSQL.
 */
@IntegrationTest
class ProvenanceApiTests {

    /** A version of its own for the confirmations: Dongzhi 2028, a draft copy of Dongzhi 2025. */
    private static final String VERSION = "/api/policies/341721/2028/versions/1";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyService policies;

    @Autowired
    IdentityBootstrap identity;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void aVersionToConfirm() {
        boolean exists = jdbc.queryForObject(
                        "select count(*) from yibao.policy_version "
                                + "where region_code = '341721' and coverage_year = 2028",
                        Integer.class)
                > 0;
        if (!exists) {
            var dongzhi = policies.active("341721", 2025);
            policies.createDraft(
                    "341721",
                    2028,
                    forYear(dongzhi.parameters(), 2028),
                    dongzhi.provenance(),
                    "confirmation test",
                    "test");
        }
    }

    @Test
    void R_WAIT_02_theCalculationExplanationShowsTheFixedWaitAsExternalNotSeed() throws Exception {
        mvc.perform(post("/api/calculations/waiting-period")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"paymentDate":"2025-03-10",
                                 "birthDate":"1980-05-01","residence":"LOCAL_HUKOU","coveredYears":[2024]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.explanation[*].parameters[?(@.path == 'waiting.fixedMonths')].state")
                        .value(hasItem("EXTERNAL")))
                .andExpect(jsonPath("$.explanation[*].parameters[?(@.path == 'waiting.fixedMonths')].provenance")
                        .value(hasItem("EXTERNAL: [G] 国办发〔2024〕38号 “设置参保后固定待遇等待期3个月” — confirm locally")))
                .andExpect(jsonPath("$.explanation[*].parameters[?(@.path == 'periods.collectionEnd')].state")
                        .value(hasItem("SEED")))
                .andExpect(jsonPath("$.explanation[*].text")
                        .value(hasItem(containsString("waiting.fixedMonths = 3 (EXTERNAL: [G] 国办发〔2024〕38号"))));
    }

    @Test
    void R_BEN_05_theAssistanceFiguresOf2021No42AreExternalInTheInpatientExplanation() throws Exception {
        mvc.perform(post("/api/calculations/inpatient")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"totalCost":60000,"policyScopeCost":50000,
                                 "categories":["MINIMUM_LIVING"]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$..parameters[?(@.path == 'benefits.assistance.MINIMUM_LIVING.ratio')].state")
                        .value(hasItem("EXTERNAL")))
                .andExpect(jsonPath("$..parameters[?(@.path == 'benefits.inpatient.deductible')].state")
                        .value(hasItem("SAMPLE")));
    }

    @Test
    void anOfficeConfirmsAnExternalFigureByItsOwnDocumentAndTheVersionShowsIt() throws Exception {
        confirm(as(Department.MEDICAL_SECURITY_SUPERVISORS), "waiting.fixedMonths", "东医保〔2025〕3号", "2025-02-01")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString(VERSION + "/confirmations")))
                .andExpect(jsonPath("$.parameterPath").value("waiting.fixedMonths"))
                .andExpect(jsonPath("$.documentNumber").value("东医保〔2025〕3号"))
                .andExpect(jsonPath("$.documentDate").value("2025-02-01"))
                .andExpect(jsonPath("$.confirmedBy").value("medical-security-supervisors-user"))
                .andExpect(jsonPath("$.confirmedAt").exists());

        String figure = "$.figures[?(@.path == 'waiting.fixedMonths')]";
        mvc.perform(get(VERSION).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                // where the figure came from does not change; the confirmation is attached to it
                .andExpect(jsonPath(figure + ".state").value(hasItem("EXTERNAL")))
                .andExpect(jsonPath(figure + ".provenance").value(hasItem(containsString("— confirm locally"))))
                .andExpect(jsonPath(figure + ".confirmation.documentNumber").value(hasItem("东医保〔2025〕3号")))
                .andExpect(jsonPath(figure + ".confirmation.confirmedBy")
                        .value(hasItem("medical-security-supervisors-user")))
                .andExpect(jsonPath(figure + ".display")
                        .value(hasItem("EXTERNAL: [G] 国办发〔2024〕38号 "
                                + "“设置参保后固定待遇等待期3个月” — CONFIRMED by local document 东医保〔2025〕3号 of 2025-02-01")))
                // an unconfirmed figure shows its plain label
                .andExpect(jsonPath("$.figures[?(@.path == 'waiting.monthsPerGapYear')].display")
                        .value(hasItem(containsString("— confirm locally"))));
        mvc.perform(get(VERSION + "/confirmations").with(as(Department.AUDITORS)))
                .andExpect(jsonPath("$[*].parameterPath").value(hasItem("waiting.fixedMonths")));
        assertThat(jdbc.queryForObject(
                        "select confirmed_by from yibao.policy_confirmation c join "
                                + "yibao.policy_version v on v.id = c.policy_version_id where v.region_code = '341721' "
                                + "and v.coverage_year = 2028 and c.parameter_path = 'waiting.fixedMonths'",
                        String.class))
                .isEqualTo("medical-security-supervisors-user");

        // once is enough
        confirm(as(Department.MEDICAL_SECURITY_SUPERVISORS), "waiting.fixedMonths", "东医保〔2025〕4号", "2025-02-02")
                .andExpect(status().isConflict());
    }

    @Test
    void aSampleFigureCanBeConfirmedToo() throws Exception {
        confirm(as(Department.CAMUNDA_ADMIN), "benefits.criticalIllness.deductible", "池医保发〔2024〕9号", "2024-10-08")
                .andExpect(status().isCreated());
        mvc.perform(get(VERSION).with(as(Department.AUDITORS)))
                .andExpect(jsonPath("$.figures[?(@.path == 'benefits.criticalIllness.deductible')].display")
                        .value(hasItem("SAMPLE — CONFIRMED by local document 池医保发〔2024〕9号 of 2024-10-08")));
    }

    @Test
    void badConfirmationsAreBadRequestsNamingTheField() throws Exception {
        var supervisor = as(Department.MEDICAL_SECURITY_SUPERVISORS);
        confirm(supervisor, "funding.individualStandard", "东医保〔2025〕5号", "2025-02-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("parameterPath"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("SEED")));
        confirm(supervisor, "funding.nothing", "东医保〔2025〕5号", "2025-02-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("parameterPath"));
        confirm(supervisor, "waiting.monthsPerGapYear", " ", "2025-02-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentNumber"));
        confirm(supervisor, "waiting.monthsPerGapYear", "东医保〔2099〕1号", "2099-01-01")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentDate"));
        mvc.perform(post(VERSION + "/confirmations")
                        .with(supervisor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parameterPath\": \"waiting.monthsPerGapYear\", \"documentNumber\": \"x\", "
                                + "\"documentDate\": \"1st of May\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("documentDate"));
        mvc.perform(post(VERSION + "/confirmations")
                        .with(supervisor)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"parameterPath\": \"waiting.monthsPerGapYear\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'documentNumber')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'documentDate')]").exists());
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.policy_confirmation c join yibao.policy_version v "
                                + "on v.id = c.policy_version_id where v.coverage_year = 2028 "
                                + "and c.parameter_path = 'waiting.monthsPerGapYear'",
                        Integer.class))
                .isZero();
    }

    @Test
    void onlyASupervisorOfThatRegionConfirms() throws Exception {
        confirm(as(Department.MEDICAL_SECURITY), "waiting.longGapYears", "东医保〔2025〕6号", "2025-02-01")
                .andExpect(status().isForbidden());
        // a supervisor of 石台县 (341722) does not confirm Dongzhi's (341721) figures
        identity.ensureUser(
                "supervisor-341722", "secret", "测试", "主管", Department.MEDICAL_SECURITY_SUPERVISORS, "341722");
        mvc.perform(post("/api/policies/341721/2028/versions/1/confirmations")
                        .with(httpBasic("supervisor-341722", "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("waiting.longGapYears", "东医保〔2025〕6号", "2025-02-01")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/forbidden"));
        // a supervisor of the city above it may
        identity.ensureUser(
                "supervisor-341700", "secret", "测试", "主管", Department.MEDICAL_SECURITY_SUPERVISORS, "341700");
        mvc.perform(post("/api/policies/341721/2028/versions/1/confirmations")
                        .with(httpBasic("supervisor-341700", "secret"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("waiting.longGapYears", "池医保〔2025〕6号", "2025-02-01")))
                .andExpect(status().isCreated());
    }

    private ResultActions confirm(RequestPostProcessor user, String path, String number, String date) throws Exception {
        return mvc.perform(post(VERSION + "/confirmations")
                .with(user)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body(path, number, date)));
    }

    private String body(String path, String number, String date) throws Exception {
        return json.writeValueAsString(Map.of("parameterPath", path, "documentNumber", number, "documentDate", date));
    }
}
