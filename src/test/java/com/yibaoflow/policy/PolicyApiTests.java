package com.yibaoflow.policy;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.MajorMatterRequests;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PolicyApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyService policies;

    @Autowired
    JdbcTemplate jdbc;

    @Nested
    class ReadingTheActiveSet {

        @Test
        void R_FUND_01_02_dongzhi2025HasItsSeededFiguresWithRuleIds() throws Exception {
            mvc.perform(get("/api/policies/341721/2025").with(as(Department.MEDICAL_SECURITY)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.regionName").value("东至县"))
                    .andExpect(jsonPath("$.version").value(1))
                    .andExpect(jsonPath("$.status").value("ACTIVE"))
                    .andExpect(jsonPath("$.fiscalTier").value("CENTRAL"))
                    .andExpect(jsonPath("$.approvingRequestRef").value("东政办〔2024〕11号"))
                    .andExpect(
                            jsonPath("$.parameters.funding.individualStandard").value(400))
                    .andExpect(jsonPath("$.parameters.funding.fiscalSubsidy").value(670))
                    .andExpect(jsonPath("$.parameters.subsidies.length()").value(8))
                    .andExpect(jsonPath("$.parameters.subsidies.MINIMUM_LIVING").value(360))
                    .andExpect(jsonPath("$.figures[?(@.path == 'funding.individualStandard')].ruleId")
                            .value(hasItem("R-FUND-01")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'funding.individualStandard')].state")
                            .value(hasItem("SEED")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'funding.individualStandard')].provenance")
                            .value(hasItem("SEED: [D] (二)")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'waiting.fixedMonths')].state")
                            .value(hasItem("EXTERNAL")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'waiting.fixedMonths')].source")
                            .value(hasItem("[G] 国办发〔2024〕38号")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'benefits.assistance.MINIMUM_LIVING.ratio')].state")
                            .value(hasItem("EXTERNAL")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'benefits.criticalIllness.deductible')].state")
                            .value(hasItem("SAMPLE")))
                    .andExpect(jsonPath("$.figures[?(@.path == 'benefits.criticalIllness.deductible')].provenance")
                            .value(hasItem("SAMPLE — confirm locally")));
        }

        @Test
        void listsRegionsWithTheirParentsAndActiveYears() throws Exception {
            mvc.perform(get("/api/regions").with(as(Department.TAX)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[?(@.code == '341721')].parentCode").value(hasItem("341700")))
                    .andExpect(jsonPath("$[?(@.code == '341721')].activeCoverageYears[*]")
                            .value(hasItem(2025)))
                    .andExpect(jsonPath("$[?(@.code == '340000')].level").value(hasItem("PROVINCE")));
        }

        @Test
        void listsVersions() throws Exception {
            mvc.perform(get("/api/policies/341721/2025/versions").with(as(Department.AUDITORS)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$[0].version").value(1))
                    .andExpect(jsonPath("$[0].status").value("ACTIVE"));
        }

        @Test
        void unknownRegionOrYearIsNotFound() throws Exception {
            mvc.perform(get("/api/policies/999999/2025").with(as(Department.MEDICAL_SECURITY)))
                    .andExpect(status().isNotFound())
                    .andExpect(header().string("Content-Type", MediaType.APPLICATION_PROBLEM_JSON_VALUE))
                    .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/not-found"))
                    .andExpect(jsonPath("$.detail").value(containsString("999999")));
            mvc.perform(get("/api/policies/341721/2031").with(as(Department.MEDICAL_SECURITY)))
                    .andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.detail").value(containsString("2031")));
            mvc.perform(get("/api/policies/341721/2031/versions").with(as(Department.MEDICAL_SECURITY)))
                    .andExpect(status().isNotFound());
        }

        @Test
        void aYearThatIsNotANumberIsABadRequestNamingTheField() throws Exception {
            mvc.perform(get("/api/policies/341721/next").with(as(Department.MEDICAL_SECURITY)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
        }
    }

    @Nested
    class ChangingASet {

        @Test
        void R_FUND_03_aSetBelowTheNationalFloorIsRejectedNamingTheFloor() throws Exception {
            // Dongzhi's 2025 figures (fiscal 670) used for 2026, whose national floor is 700
            mvc.perform(post("/api/policies/341723/2026/versions")
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft(forYear(2026))))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.ruleId").value("R-FUND-03"))
                    .andExpect(jsonPath("$.errors[0].field").value("parameters.funding.fiscalSubsidy"))
                    .andExpect(jsonPath("$.detail").value(containsString("national floor of 700.00")));
            assertThat(jdbc.queryForObject(
                            "select count(*) from yibao.policy_version where region_code = '341723' and coverage_year = 2026",
                            Integer.class))
                    .isZero();
        }

        @Test
        void R_FUND_03_anIndividualStandardBelow400IsRejected() throws Exception {
            PolicyParameters low = withFunding(forYear(2026), new BigDecimal("380"), new BigDecimal("700"));
            mvc.perform(post("/api/policies/341723/2026/versions")
                            .with(as(Department.CAMUNDA_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft(low)))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(jsonPath("$.errors[0].field").value("parameters.funding.individualStandard"))
                    .andExpect(jsonPath("$.detail").value(containsString("below the national floor of 400.00")));
        }

        @Test
        void aSetMissingAFigureOrItsProvenanceIsABadRequestNamingEach() throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("parameters", forYear(2025));
            Map<String, Provenance> provenance = new LinkedHashMap<>(dongzhiProvenance());
            provenance.remove("funding.fiscalSubsidy");
            body.put("provenance", provenance);
            mvc.perform(post("/api/policies/341702/2025/versions")
                            .with(as(Department.CAMUNDA_ADMIN))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(body)))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("provenance.funding.fiscalSubsidy"));
        }

        @Test
        void caseworkersMayNotChangePolicy() throws Exception {
            mvc.perform(post("/api/policies/341722/2025/versions")
                            .with(as(Department.MEDICAL_SECURITY))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft(forYear(2025))))
                    .andExpect(status().isForbidden())
                    .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/forbidden"));
        }

        @Test
        void aNewVersionNeedsAnApprovedRequestAndSupersedesTheActiveOneWhichStaysImmutable() throws Exception {
            String base = "/api/policies/341722/2025/versions";
            // 0 on a fresh database; a test class that needs Shitai's 2025 set active may have made one before
            int before = versionsOf("341722", 2025);
            int v1 = before + 1;
            int v2 = before + 2;
            mvc.perform(post(base)
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft(forYear(2025))))
                    .andExpect(status().isCreated())
                    .andExpect(header().string("Location", containsString(base + "/" + v1)))
                    .andExpect(jsonPath("$.status").value("DRAFT"));
            // R-MM-03, the gate: the API activates nothing, whatever request it names
            mvc.perform(post(base + "/" + v1 + "/activation")
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"approvingRequest\": \" \"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.ruleId").value("R-MM-03"));
            mvc.perform(post(base + "/" + v1 + "/activation")
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"approvingRequest\": \"MM-341722-2024-001\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.ruleId").value("R-MM-03"))
                    .andExpect(jsonPath("$.detail").value(containsString("approved major-matter request")));
            mvc.perform(get(base + "/" + v1).with(as(Department.AUDITORS)))
                    .andExpect(jsonPath("$.status").value("DRAFT"));
            String first = MajorMatterRequests.activate("341722", 2025, v1);
            mvc.perform(get(base + "/" + v1).with(as(Department.AUDITORS)))
                    .andExpect(jsonPath("$.status").value("ACTIVE"))
                    .andExpect(jsonPath("$.approvingRequestRef").value(first));

            PolicyParameters raised = withFunding(forYear(2025), new BigDecimal("420"), new BigDecimal("700"));
            mvc.perform(post(base)
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft(raised)))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.version").value(v2));
            // the active version is immutable: a change is a new version
            mvc.perform(put(base + "/" + v1)
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(draft(raised)))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.detail").value(containsString("immutable")));
            String second = MajorMatterRequests.activate("341722", 2025, v2);

            mvc.perform(get(base).with(as(Department.AUDITORS)))
                    .andExpect(jsonPath("$", hasSize(v2)))
                    .andExpect(jsonPath("$[" + (v1 - 1) + "].status").value("SUPERSEDED"))
                    .andExpect(jsonPath("$[" + (v2 - 1) + "].status").value("ACTIVE"))
                    .andExpect(
                            jsonPath("$[" + (v1 - 1) + "].approvingRequestRef").value(first))
                    .andExpect(
                            jsonPath("$[" + (v2 - 1) + "].approvingRequestRef").value(second));
            mvc.perform(get("/api/policies/341722/2025").with(as(Department.AUDITORS)))
                    .andExpect(jsonPath("$.version").value(v2))
                    .andExpect(
                            jsonPath("$.parameters.funding.individualStandard").value(420));
            // reactivating a superseded version is refused too
            mvc.perform(post(base + "/" + v1 + "/activation")
                            .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"approvingRequest\": \"" + first + "\"}"))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.ruleId").value("R-MM-03"));
        }

        @Test
        void theDatabaseItselfRefusesToChangeAnActiveSet() {
            assertThatThrownBy(() -> jdbc.update("update yibao.policy_version set parameters = "
                            + "jsonb_set(parameters, '{funding,individualStandard}', '1') "
                            + "where region_code = '341721' and coverage_year = 2025 and version = 1"))
                    .hasMessageContaining("immutable");
            assertThatThrownBy(() -> jdbc.update("delete from yibao.policy_version "
                            + "where region_code = '341721' and coverage_year = 2025 and version = 1"))
                    .hasMessageContaining("cannot be deleted");
            assertThatThrownBy(() -> jdbc.update("update yibao.policy_version set status = 'DRAFT' "
                            + "where region_code = '341721' and coverage_year = 2025 and version = 1"))
                    .hasMessageContaining("cannot go from ACTIVE to DRAFT");
        }
    }

    private String draft(PolicyParameters parameters) throws Exception {
        return json.writeValueAsString(
                Map.of("parameters", parameters, "provenance", dongzhiProvenance(), "note", "test"));
    }

    private Map<String, Provenance> dongzhiProvenance() {
        return policies.active("341721", 2025).provenance();
    }

    /** Dongzhi 2025's figures moved to another coverage year. */
    /** How many parameter versions the region has for the year (none: 0). */
    private int versionsOf(String regionCode, int coverageYear) {
        try {
            return policies.versions(regionCode, coverageYear).size();
        } catch (com.yibaoflow.shared.problem.DomainException none) {
            return 0;
        }
    }

    private PolicyParameters forYear(int year) {
        PolicyParameters p = policies.active("341721", 2025).parameters();
        int shift = year - 2025;
        PolicyParameters.Periods periods = new PolicyParameters.Periods(
                p.periods().collectionStart().plusYears(shift),
                p.periods().collectionEnd().plusYears(shift),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return new PolicyParameters(
                periods, p.funding(), p.subsidies(), p.waiting(), p.incentives(), p.benefits(), p.monitoring());
    }

    /** Other funding figures; subsidies above the new standard are lowered to it (R-SUB-01: full subsidy). */
    private static PolicyParameters withFunding(PolicyParameters p, BigDecimal individual, BigDecimal fiscal) {
        PolicyParameters.Funding f = p.funding();
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(HardshipCategory.class);
        p.subsidies().forEach((category, amount) -> subsidies.put(category, amount.min(individual)));
        return new PolicyParameters(
                p.periods(),
                new PolicyParameters.Funding(
                        individual,
                        fiscal,
                        f.centralShareRatio(),
                        f.provinceShareOfLocal(),
                        f.cityShareOfLocal(),
                        f.countyShareOfLocal()),
                subsidies,
                p.waiting(),
                p.incentives(),
                p.benefits(),
                p.monitoring());
    }
}
