package com.yibaoflow.policy;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.TestSnapshots;
import com.yibaoflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The what-if calculation API over the seeded Dongzhi 2025 parameters (issue #3). */
@IntegrationTest
class CalculationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PolicyService policies;

    ResultActions calculate(String what, String body) throws Exception {
        return mvc.perform(post("/api/calculations/" + what)
                .with(as(Department.MEDICAL_SECURITY))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void theSeededDongzhiSetIsTheOneTheCalculatorsAreTestedAgainst() {
        // The unit tests of every calculator run over TestSnapshots.dongzhi2025(); V3 seeds the same figures.
        var seeded = policies.activeSnapshot("341721", 2025);
        var tested = TestSnapshots.dongzhi2025();
        assertThat(seeded.parameters()).isEqualTo(tested.parameters());
        assertThat(seeded.fiscalTier()).isEqualTo(tested.fiscalTier());
        // V11 gave every seeded figure its state (SEED / EXTERNAL / SAMPLE): the same as the fixture, entry by entry
        assertThat(seeded.provenance()).isEqualTo(tested.provenance());
    }

    @Test
    void R_SUB_09_contributionAppliesTheHighestSubsidyAndSplitsTheFiscalShare() throws Exception {
        calculate("contribution", """
                {"regionCode":"341721","coverageYear":2025,"residence":"LOCAL_HUKOU",
                 "categories":["MINIMUM_LIVING","POVERTY_MONITORING"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.individualStandard").value(400.00))
                .andExpect(jsonPath("$.appliedCategory").value("MINIMUM_LIVING"))
                .andExpect(jsonPath("$.subsidy").value(360.00))
                .andExpect(jsonPath("$.personalDue").value(40.00))
                .andExpect(jsonPath("$.fiscalSubsidy").value(670.00))
                .andExpect(jsonPath("$.centralFiscalShare").value(402.00))
                .andExpect(jsonPath("$.localFiscalShare").value(268.00))
                .andExpect(jsonPath("$.policyVersion").value("341721/2025 v1"))
                .andExpect(jsonPath("$.explanation[*].ruleId").value(hasItem("R-SUB-09")))
                .andExpect(jsonPath("$.explanation[0].clause").isNotEmpty());
    }

    @Test
    void contributionWithoutCategoriesIsTheFullStandard() throws Exception {
        calculate("contribution", """
                {"regionCode":"341721","coverageYear":2025,"residence":"NON_LOCAL_RESIDENT"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.appliedCategory").doesNotExist())
                .andExpect(jsonPath("$.personalDue").value(400.00))
                .andExpect(jsonPath("$.explanation[*].ruleId").value(hasItem("R-FUND-05")));
    }

    @Test
    void R_ELIG_03_waitingPeriodOfANewbornPaidOnDay90IsExempt() throws Exception {
        calculate("waiting-period", """
                {"regionCode":"341721","coverageYear":2025,"paymentDate":"2025-06-30","birthDate":"2025-04-01",
                 "residence":"NEWBORN"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exempt").value(true))
                .andExpect(jsonPath("$.coveredFromBirth").value(true))
                .andExpect(jsonPath("$.benefitStartDate").value("2025-04-01"));
    }

    @Test
    void R_WAIT_02_aGapOfOneYearWaitsFourMonths() throws Exception {
        calculate("waiting-period", """
                {"regionCode":"341721","coverageYear":2025,"paymentDate":"2024-12-01","birthDate":"1980-05-05",
                 "coveredYears":[2022,2023],"backPaidYears":0}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.exempt").value(false))
                .andExpect(jsonPath("$.fixedMonths").value(3))
                .andExpect(jsonPath("$.variableMonths").value(1))
                .andExpect(jsonPath("$.benefitStartDate").value("2025-04-01"));
    }

    @Test
    void aPaymentDateOutsideTheCoverageYearIsABadRequestNamingTheField() throws Exception {
        calculate("waiting-period", """
                {"regionCode":"341721","coverageYear":2025,"paymentDate":"2026-02-01","birthDate":"1980-05-05"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("paymentDate"));
    }

    @Test
    void R_WAIT_06_criticalIllnessLimitIsRaisedForContinuousYears() throws Exception {
        calculate("critical-illness-limit", """
                {"regionCode":"341721","coverageYear":2025,"continuousYears":6,"zeroClaimYears":0}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.continuityRaise").value(2000.00))
                .andExpect(jsonPath("$.explanation[*].ruleId").value(hasItem("R-WAIT-06")));
    }

    @Test
    void R_BEN_03_anUncomplicatedDeliveryGetsTheAllowanceInstead() throws Exception {
        calculate("inpatient", """
                {"regionCode":"341721","coverageYear":2025,"totalCost":5000,"policyScopeCost":4500,
                 "delivery":"NATURAL"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.childbirthAllowance").value(1600.00))
                .andExpect(jsonPath("$.basicFundPayment").value(0.00))
                .andExpect(jsonPath("$.outOfPocket").value(3400.00));
    }

    @Test
    void aNegativeAmountIsABadRequestNamingTheField() throws Exception {
        calculate("inpatient", """
                {"regionCode":"341721","coverageYear":2025,"totalCost":-1,"policyScopeCost":0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("totalCost"));
    }

    @Test
    void anUnknownCategoryIsABadRequestNamingTheField() throws Exception {
        calculate("contribution", """
                {"regionCode":"341721","coverageYear":2025,"residence":"LOCAL_HUKOU","categories":["RICH"]}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(startsWith("categories")));
    }

    @Test
    void R_MON_02_burdenAtTheWarningLineWarns() throws Exception {
        calculate("burden", """
                {"regionCode":"341721","coverageYear":2025,"populationGroup":"LOW_INCOME","outOfPocketYtd":12000}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WARNING"))
                .andExpect(jsonPath("$.amountOverLine").value(2000.00));
    }

    @Test
    void anUnknownRegionOrYearIsNotFound() throws Exception {
        calculate("burden", """
                {"regionCode":"341721","coverageYear":2031,"populationGroup":"OTHER","outOfPocketYtd":1}""").andExpect(status().isNotFound());
        calculate("contribution", """
                {"regionCode":"999999","coverageYear":2025,"residence":"LOCAL_HUKOU"}""").andExpect(status().isNotFound());
    }

    @Test
    void aMissingRegionIsABadRequestNamingTheField() throws Exception {
        calculate("contribution", """
                {"coverageYear":2025,"residence":"LOCAL_HUKOU"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    }

    @Test
    void calculationsRequireLogin() throws Exception {
        mvc.perform(post("/api/calculations/burden")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void theOpenApiDescriptionListsTheCalculations() throws Exception {
        mvc.perform(get("/v3/api-docs").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.paths['/api/calculations/inpatient'].post").exists())
                .andExpect(jsonPath("$.paths['/api/calculations/waiting-period'].post")
                        .exists());
    }
}
