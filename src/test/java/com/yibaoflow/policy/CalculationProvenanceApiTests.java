package com.yibaoflow.policy;

import static com.yibaoflow.policy.PolicySets.forYear;
import static com.yibaoflow.testsupport.TestUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.MajorMatterRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue #17 item 2, "the figures shown in the API carry the provenance state": the what-if calculations' figures
 * each name the parameters they come from with SEED / EXTERNAL / SAMPLE as the seeded Dongzhi 2025 version records
 * them, and an office's local confirmation travels with the figure; on PostgreSQL.
 */
@IntegrationTest
class CalculationProvenanceApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    PolicyService policies;

    @Autowired
    JdbcTemplate jdbc;

    private ResultActions calculate(String what, String body) throws Exception {
        return mvc.perform(post("/api/calculations/" + what)
                .with(as(Department.MEDICAL_SECURITY))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    @Test
    void R_FUND_01_personalDueCarriesTheProvenanceOfTheIndividualStandard() throws Exception {
        calculate("contribution", """
                        {"regionCode":"341721","coverageYear":2025,"residence":"LOCAL_HUKOU",
                         "categories":["MINIMUM_LIVING"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.personalDue").value(40.00))
                .andExpect(jsonPath("$.provenance.personalDue[0].parameter").value("funding.individualStandard"))
                .andExpect(jsonPath("$.provenance.personalDue[0].state").value("SEED"))
                .andExpect(jsonPath("$.provenance.personalDue[0].source").value("SEED: [D] (二)"))
                .andExpect(jsonPath("$.provenance.personalDue[1].parameter").value("subsidies.MINIMUM_LIVING"))
                .andExpect(jsonPath("$.provenance.subsidy[0].state").value("SEED"))
                .andExpect(jsonPath("$.provenance.centralFiscalShare[*].state").value(not(hasItem("SAMPLE"))))
                // no seed splits the local part between province, city and county
                .andExpect(jsonPath("$.provenance.countyShare[?(@.parameter == 'funding.countyShareOfLocal')].state")
                        .value(hasItem("SAMPLE")));
    }

    @Test
    void R_WAIT_02_theFixedWaitingMonthsCarryTheExternalStateOfTheThreeMonthWait() throws Exception {
        calculate("waiting-period", """
                        {"regionCode":"341721","coverageYear":2025,"paymentDate":"2025-03-10",
                         "birthDate":"1980-05-01","residence":"LOCAL_HUKOU","coveredYears":[2022]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fixedMonths").value(3))
                .andExpect(jsonPath("$.provenance.fixedMonths[0].parameter").value("waiting.fixedMonths"))
                .andExpect(jsonPath("$.provenance.fixedMonths[0].state").value("EXTERNAL"))
                .andExpect(jsonPath("$.provenance.fixedMonths[0].confirmation").doesNotExist())
                .andExpect(jsonPath("$.provenance.variableMonths[?(@.parameter == 'waiting.monthsPerGapYear')].state")
                        .value(hasItem("EXTERNAL")))
                .andExpect(jsonPath("$.provenance.benefitStartDate[?(@.parameter == 'periods.coverageStart')].state")
                        .value(hasItem("SEED")));
    }

    @Test
    void R_MON_02_theWarningLineOfABurdenCalculationIsASample() throws Exception {
        calculate("burden", """
                        {"regionCode":"341721","coverageYear":2025,"populationGroup":"LOW_INCOME",
                         "outOfPocketYtd":12000}""")
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.provenance.warningLine[0].parameter").value("monitoring.warningLines.LOW_INCOME"))
                .andExpect(jsonPath("$.provenance.warningLine[0].state").value("SAMPLE"))
                .andExpect(jsonPath("$.provenance.status[0].state").value("SAMPLE"));
    }

    @Test
    void R_BEN_05_theAssistanceOfMinimumLivingRecipientsCarriesTheExternalStateOf2021No42() throws Exception {
        calculate("inpatient", """
                        {"regionCode":"341721","coverageYear":2025,"totalCost":60000,"policyScopeCost":50000,
                         "categories":["MINIMUM_LIVING"]}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenance.basicFundPayment[?(@.parameter == 'benefits.inpatient.fundRatio')]"
                                + ".state")
                        .value(hasItem("SEED")))
                .andExpect(jsonPath("$.provenance.medicalAssistance[?(@.parameter == "
                                + "'benefits.assistance.MINIMUM_LIVING.ratio')].state")
                        .value(hasItem("EXTERNAL")));
    }

    @Test
    void R_WAIT_02_afterAnOfficeConfirmedTheFixedWaitByItsOwnDocumentTheFigureCarriesTheConfirmation()
            throws Exception {
        // a version of its own, active: Dongzhi 2029, a copy of Dongzhi 2025
        if (jdbc.queryForObject(
                        "select count(*) from yibao.policy_version where region_code = '341721' and coverage_year = 2029",
                        Integer.class)
                == 0) {
            var dongzhi = policies.active("341721", 2025);
            var draft = policies.createDraft(
                    "341721",
                    2029,
                    forYear(dongzhi.parameters(), 2029),
                    dongzhi.provenance(),
                    "provenance test",
                    "test");
            MajorMatterRequests.activate("341721", 2029, draft.version());
        }
        String waiting = """
                {"regionCode":"341721","coverageYear":2029,"paymentDate":"2029-03-10",
                 "birthDate":"1980-05-01","residence":"LOCAL_HUKOU","coveredYears":[2028]}""";
        // the snapshot is cached before the confirmation
        calculate("waiting-period", waiting)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provenance.fixedMonths[0].confirmation").doesNotExist());

        mvc.perform(post("/api/policies/341721/2029/versions/1/confirmations")
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"parameterPath":"waiting.fixedMonths","documentNumber":"东医保〔2029〕1号",
                                 "documentDate":"2025-02-01"}"""))
                .andExpect(status().isCreated());

        calculate("waiting-period", waiting)
                .andExpect(status().isOk())
                // where the figure came from does not change; the office's document is attached to it
                .andExpect(jsonPath("$.provenance.fixedMonths[0].state").value("EXTERNAL"))
                .andExpect(jsonPath("$.provenance.fixedMonths[0].confirmation.documentNumber")
                        .value("东医保〔2029〕1号"))
                .andExpect(jsonPath("$.provenance.fixedMonths[0].confirmation.documentDate")
                        .value("2025-02-01"))
                .andExpect(jsonPath("$.provenance.fixedMonths[0].confirmation.confirmedBy")
                        .value("medical-security-supervisors-user"))
                .andExpect(jsonPath("$.explanation[*].parameters[?(@.path == 'waiting.fixedMonths')]"
                                + ".confirmation.documentNumber")
                        .value(hasItem("东医保〔2029〕1号")))
                // an unconfirmed figure still has none
                .andExpect(jsonPath("$.provenance.benefitStartDate[?(@.parameter == 'periods.coverageStart')]"
                                + ".confirmation")
                        .isEmpty());
    }
}
