package com.yibaoflow.policy;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitch;
import com.yibaoflow.policy.calc.PolicyParameters.NeverCovered;
import com.yibaoflow.policy.calc.PolicyParameters.NeverCoveredReading;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.Regions;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.testsupport.IntegrationTest;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17 items 4, 6, 8 on PostgreSQL: the regional choices of the waiting period are parameter data of each
 * version (V31 gave the stored versions today's behaviour), checked by the validator and used by the calculation.
 */
@IntegrationTest
class WaitingParametersTests {

    @Autowired
    PolicyService policies;

    @Autowired
    NationalFloors floors;

    @Autowired
    Regions regions;

    @Autowired
    MockMvc mvc;

    @Test
    void R_WAIT_01_R_WAIT_03_R_ELIG_02_theSeededVersionCarriesTodaysBehaviourWithProvenance() {
        var v = policies.active("341721", 2025);
        Waiting w = v.parameters().waiting();

        assertThat(w.exemptCategories()).isEmpty();
        assertThat(w.neverCovered()).isEqualTo(NeverCovered.DEFAULT);
        assertThat(w.employeeSwitch()).isEqualTo(EmployeeSwitch.DEFAULT);
        assertThat(v.provenance().get("waiting.neverCovered.startYear").state()).isEqualTo(ProvenanceState.SEED);
        assertThat(v.provenance().get("waiting.employeeSwitch.treatment").state())
                .isEqualTo(ProvenanceState.SAMPLE);
    }

    @Test
    void R_WAIT_03_anImplausibleStartYearIsRefusedNamingTheField() {
        var v = policies.active("341721", 2025);
        PolicyParameters p = withWaiting(
                v.parameters(), new NeverCovered(NeverCoveredReading.YEARS_SINCE_START_YEAR, 1999, 18), null);

        assertThatThrownBy(() -> PolicyParametersValidator.validate(
                        regions.findById("341721").orElseThrow(), 2025, p, v.provenance(), floors.findById(2025)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.getMessage()).contains("parameters.waiting.neverCovered.startYear"));
    }

    @Test
    void R_ELIG_02_aMissingSwitchTreatmentIsRequired() {
        var v = policies.active("341721", 2025);
        PolicyParameters p = withWaiting(v.parameters(), NeverCovered.DEFAULT, new EmployeeSwitch(null, 3, 2));

        assertThatThrownBy(() -> PolicyParametersValidator.validate(
                        regions.findById("341721").orElseThrow(), 2025, p, v.provenance(), floors.findById(2025)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        e -> assertThat(e.getMessage()).contains("parameters.waiting.employeeSwitch.treatment"));
    }

    @Test
    void R_ELIG_02_theWhatIfCalculationExplainsTheSeededSwitchTreatment() throws Exception {
        mvc.perform(post("/api/calculations/waiting-period")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"paymentDate":"2025-03-15",
                                 "birthDate":"1980-05-05","employeeInsuranceEnd":"2025-01-31",
                                 "employeeInsuredYears":[2023,2024]}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD"))
                .andExpect(jsonPath("$.totalMonths").value(3))
                .andExpect(jsonPath("$.explanation[?(@.ruleId == 'R-ELIG-02')].text")
                        .value(org.hamcrest.Matchers.hasItem(containsString("AS_ANY_ENROLLMENT"))));
    }

    private static PolicyParameters withWaiting(PolicyParameters p, NeverCovered never, EmployeeSwitch employee) {
        Waiting w = p.waiting();
        return new PolicyParameters(
                p.periods(),
                p.funding(),
                p.subsidies(),
                new Waiting(
                        w.fixedMonths(),
                        w.monthsPerGapYear(),
                        w.firstMissedYearCounts(),
                        w.monthsRemovedPerBackPaidYear(),
                        w.longGapYears(),
                        w.longGapMinimumMonths(),
                        w.newbornGraceDays(),
                        w.exemptGroups(),
                        Set.of(),
                        never,
                        employee == null ? w.employeeSwitch() : employee),
                p.incentives(),
                p.benefits(),
                p.monitoring());
    }
}
