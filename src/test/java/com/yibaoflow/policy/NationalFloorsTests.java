package com.yibaoflow.policy;

import static com.yibaoflow.policy.PolicySets.forYear;
import static com.yibaoflow.policy.PolicySets.withCriticalIllness;
import static com.yibaoflow.policy.PolicySets.withFunding;
import static com.yibaoflow.policy.PolicySets.withOrphan;
import static com.yibaoflow.policy.PolicySets.withSubsidy;
import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.Regions;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.MajorMatterRequests;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** Issue #17 item 3: national floors for every year, R-SUB-13 for 2026, R-BEN-02 warnings; on PostgreSQL. */
@IntegrationTest
class NationalFloorsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyService policies;

    @Autowired
    NationalFloors floors;

    @Autowired
    Regions regions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void R_FUND_03_theFloorsOf2025And2026AreOnRecordWithTheirProvenance() {
        NationalFloor y2025 = floors.findById(2025).orElseThrow();
        assertThat(y2025.fiscalSubsidyMin()).isEqualByComparingTo("670");
        assertThat(y2025.individualStandardMin()).isEqualByComparingTo("400");
        assertThat(y2025.state()).isEqualTo(ProvenanceState.EXTERNAL);
        assertThat(y2025.source()).contains("医保发〔2024〕19号");
        assertThat(y2025.fullSubsidyRequired()).isFalse();
        NationalFloor y2026 = floors.findById(2026).orElseThrow();
        assertThat(y2026.fiscalSubsidyMin()).isEqualByComparingTo("700");
        assertThat(y2026.individualStandardMin()).isEqualByComparingTo("400");
        assertThat(y2026.state()).isEqualTo(ProvenanceState.SEED);
        assertThat(y2026.fullSubsidyRequired()).isTrue();
    }

    @Test
    void R_FUND_03_a2025SetWithA300CnyContributionIsRejectedCitingTheExternalFloor() throws Exception {
        PolicyParameters low = withFunding(dongzhi(), "300", "670", "0.60");
        mvc.perform(post("/api/policies/341702/2025/versions")
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(low, provenance())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-FUND-03"))
                .andExpect(jsonPath("$.errors[0].field").value("parameters.funding.individualStandard"))
                .andExpect(jsonPath("$.detail").value(containsString("医保发〔2024〕19号")))
                .andExpect(jsonPath("$.detail").value(containsString("EXTERNAL")));
    }

    @Test
    void R_FUND_04_a2025SetWithA50PercentCentralShareIsRejected() throws Exception {
        mvc.perform(post("/api/policies/341702/2025/versions")
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(withFunding(dongzhi(), "400", "670", "0.50"), provenance())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-FUND-04"))
                .andExpect(jsonPath("$.errors[0].field").value("parameters.funding.centralShareRatio"));
    }

    @Test
    void R_FUND_03_aYearWithoutFloorsIsActivatedOnlyWithAWarningRecordedOnTheVersion() throws Exception {
        String base = "/api/policies/341702/2027/versions";
        mvc.perform(post(base)
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(forYear(dongzhi(), 2027), provenance())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings[?(@.ruleId == 'R-FUND-03')].message")
                        .value(org.hamcrest.Matchers.hasItem(
                                containsString("No national floors are on record " + "for coverage year 2027"))));
        MajorMatterRequests.activate("341702", 2027, 1); // R-MM-03: through an approved request
        mvc.perform(get(base + "/1").with(as(Department.AUDITORS)))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.warnings[0].ruleId").value("R-FUND-03"))
                .andExpect(jsonPath("$.warnings[0].field").value("parameters.funding"));
        // stored with the version, shown by every read of it
        String stored = jdbc.queryForObject(
                "select warnings::text from yibao.policy_version "
                        + "where region_code = '341702' and coverage_year = 2027 and version = 1",
                String.class);
        assertThat(stored).contains("R-FUND-03", "2027");
        mvc.perform(get("/api/policies/341702/2027").with(as(Department.AUDITORS)))
                .andExpect(jsonPath("$.warnings[0].ruleId").value("R-FUND-03"));
        mvc.perform(get(base).with(as(Department.AUDITORS)))
                .andExpect(jsonPath("$[0].warnings[0].ruleId").value("R-FUND-03"));
    }

    @Test
    void R_SUB_13_a2026SetMustSubsidiseExtremelyPoorPeopleAndOrphansInFull() throws Exception {
        PolicyParameters y2026 = withFunding(forYear(dongzhi(), 2026), "400", "700", "0.60");
        String base = "/api/policies/341702/2026/versions";
        // no orphan subsidy at all
        mvc.perform(post(base)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(y2026, provenance())))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-SUB-13"))
                .andExpect(jsonPath("$.errors[0].field").value("parameters.subsidies.ORPHAN"));
        // an orphan subsidy short of the standard
        mvc.perform(post(base)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(withSubsidy(y2026, HardshipCategory.ORPHAN, "360"), withOrphan(provenance()))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.ruleId").value("R-SUB-13"))
                .andExpect(jsonPath("$.detail").value(containsString("400 CNY, not 360")));
        // 特困 short of the standard
        PolicyParameters extremeShort = withSubsidy(
                withSubsidy(y2026, HardshipCategory.ORPHAN, "400"), HardshipCategory.EXTREME_POVERTY, "360");
        mvc.perform(post(base)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(extremeShort, withOrphan(provenance()))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].field").value("parameters.subsidies.EXTREME_POVERTY"));
        // both in full: accepted, no warning
        mvc.perform(post(base)
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(withSubsidy(y2026, HardshipCategory.ORPHAN, "400"), withOrphan(provenance()))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", hasSize(0)));
    }

    @Test
    void R_SUB_13_a2025SetNeedsNoOrphanSubsidy() {
        var region = regions.findById("341721").orElseThrow();
        assertThat(PolicyParametersValidator.validate(region, 2025, dongzhi(), provenance(), floors.findById(2025)))
                .isEmpty();
    }

    @Test
    void R_BEN_02_aDeductibleAboveTheIncomeAndCapsFarFromSixTimesItAreWarningsShownOnTheVersion() throws Exception {
        // income 34 893: deductible 40 000 is above it; 100 000 + 300 000 is far from 6 × 34 893 = 209 358 (± 10 %)
        PolicyParameters off = withCriticalIllness(dongzhi(), "40000", "300000");
        mvc.perform(post("/api/policies/341702/2025/versions")
                        .with(as(Department.CAMUNDA_ADMIN))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(draft(off, provenance())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.warnings", hasSize(2)))
                .andExpect(jsonPath("$.warnings[0].ruleId").value("R-BEN-02"))
                .andExpect(jsonPath("$.warnings[0].field").value("parameters.benefits.criticalIllness.deductible"))
                .andExpect(jsonPath("$.warnings[0].message").value(containsString("34893")))
                .andExpect(jsonPath("$.warnings[1].field").value("parameters.benefits.criticalIllness.annualCap"))
                .andExpect(jsonPath("$.warnings[1].message").value(containsString("400000")))
                .andExpect(jsonPath("$.warnings[1].message").value(containsString("209358")));
    }

    @Test
    void R_BEN_02_capsWithinTheToleranceOfSixTimesTheIncomeAreNoWarning() {
        var region = regions.findById("341721").orElseThrow();
        var floor = floors.findById(2025);
        // 100 000 + 130 000 = 230 000: 9.9 % above 209 358, inside the 10 % tolerance; 131 000 is outside
        assertThat(PolicyParametersValidator.validate(
                        region, 2025, withCriticalIllness(dongzhi(), "34893", "130000"), provenance(), floor))
                .isEmpty();
        assertThat(PolicyParametersValidator.validate(
                        region, 2025, withCriticalIllness(dongzhi(), "34893.01", "131000"), provenance(), floor))
                .extracting(PolicyWarning::field)
                .containsExactly(
                        "parameters.benefits.criticalIllness.deductible",
                        "parameters.benefits.criticalIllness.annualCap");
    }

    /** Every version the migrations seeded passes the same validator as a version made through the API. */
    @Test
    void R_FUND_03_everySeededVersionPassesTheValidatorWithoutWarnings() {
        List<Map<String, Object>> seeded = jdbc.queryForList("select region_code, coverage_year, version "
                + "from yibao.policy_version where created_by = 'system' order by region_code, coverage_year, version");
        assertThat(seeded).isNotEmpty();
        for (Map<String, Object> row : seeded) {
            PolicyVersion v = policies.version(
                    (String) row.get("region_code"), (Integer) row.get("coverage_year"), (Integer) row.get("version"));
            var region = regions.findById(v.regionCode()).orElseThrow();
            assertThat(PolicyParametersValidator.validate(
                            region,
                            v.coverageYear(),
                            v.parameters(),
                            v.provenance(),
                            floors.findById(v.coverageYear())))
                    .as(v.label())
                    .isEmpty();
            assertThat(floors.findById(v.coverageYear()))
                    .as("floors of " + v.label())
                    .isPresent();
        }
    }

    private PolicyParameters dongzhi() {
        return policies.active("341721", 2025).parameters();
    }

    private Map<String, Provenance> provenance() {
        return policies.active("341721", 2025).provenance();
    }

    private String draft(PolicyParameters parameters, Map<String, Provenance> provenance) throws Exception {
        return json.writeValueAsString(Map.of("parameters", parameters, "provenance", provenance, "note", "test"));
    }
}
