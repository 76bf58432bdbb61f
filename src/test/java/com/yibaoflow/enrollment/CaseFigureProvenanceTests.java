package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17 item 2, "the figures shown in the API carry the provenance state": {@code GET /api/enrollments/{id}}
 * names, for each figure of the case and of its coverage, the parameters it was computed from with SEED / EXTERNAL /
 * SAMPLE, from the case's stored explanations; on PostgreSQL.
 */
@IntegrationTest
@InCollectionPeriod
class CaseFigureProvenanceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessDriver driver;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    ShiftableClock clock;

    /** A Dongzhi 2025 application of a local adult with no category (as {@link EnrollmentApiTests} makes it). */
    long applied(String idNumber) throws Exception {
        String response = mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(EnrollmentApiTests.body(idNumber, "341721")))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(response).get("id").asLong();
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());
        return id;
    }

    @Test
    void R_FUND_01_personalDueCarriesTheProvenanceOfTheIndividualStandardAndTheCoverageItsDates() throws Exception {
        String person = TestIds.adult();
        long id = applied(person);

        mvc.perform(get("/api/enrollments/" + id).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.personalDue").value(400.00))
                .andExpect(jsonPath("$.figures.provenance.personalDue[0].parameter")
                        .value("funding.individualStandard"))
                .andExpect(jsonPath("$.figures.provenance.personalDue[0].state").value("SEED"))
                .andExpect(
                        jsonPath("$.figures.provenance.personalDue[0].source").value("SEED: [D] (二)"))
                .andExpect(jsonPath("$.figures.provenance.individualStandard[0].state")
                        .value("SEED"))
                .andExpect(jsonPath("$.figures.provenance.fiscalSubsidy[0].parameter")
                        .value("funding.fiscalSubsidy"))
                .andExpect(jsonPath("$.figures.provenance.centralFiscalShare[?(@.parameter == "
                                + "'funding.centralShareRatio')].state")
                        .value(hasItem("SEED")))
                // R-REG-02: the deadline is the collection end the seed fixes
                .andExpect(jsonPath("$.figures.provenance.paymentDeadline[?(@.parameter == "
                                + "'periods.collectionEnd')].state")
                        .value(hasItem("SEED")))
                // no category claimed: no subsidy parameter; a first enrollment in the period waits no months
                .andExpect(jsonPath("$.figures.provenance.subsidy").doesNotExist())
                .andExpect(jsonPath("$.figures.provenance.waitingFixedMonths").doesNotExist());

        mvc.perform(post("/api/payments")
                        .with(as(Department.TAX))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"paymentReference":"TAX-PROV-%d","idNumber":"%s","regionCode":"341721",
                                 "coverageYear":2025,"amount":400.00,"channel":"ALIPAY",
                                 "paidAt":"2024-11-15T08:30:00+08:00"}""".formatted(id, person)))
                .andExpect(status().isOk());
        driver.runJobs(cases.findById(id).orElseThrow().processInstanceId());

        mvc.perform(get("/api/enrollments/" + id).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ENROLLED"))
                .andExpect(jsonPath("$.coverage.provenance.individualStandard[0].state")
                        .value("SEED"))
                .andExpect(jsonPath("$.coverage.provenance.benefitEndDate[0].parameter")
                        .value("periods.coverageEnd"))
                .andExpect(jsonPath("$.coverage.provenance.benefitEndDate[0].state")
                        .value("SEED"))
                .andExpect(jsonPath("$.coverage.provenance.benefitStartDate[?(@.parameter == "
                                + "'periods.coverageStart')].state")
                        .value(hasItem("SEED")));
    }

    @Test
    void R_WAIT_02_aCaseOutsideTheCollectionPeriodShowsItsFixedMonthsAsExternal() throws Exception {
        // March 2025, after Dongzhi's 2025 collection period: a first enrollment waits the fixed months
        clock.setToday(LocalDate.of(2025, 3, 10), LocalTime.of(9, 0));
        long id = applied(TestIds.adult());

        mvc.perform(get("/api/enrollments/" + id).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures.waitingFixedMonths").value(3))
                .andExpect(jsonPath("$.figures.provenance.waitingFixedMonths[0].parameter")
                        .value("waiting.fixedMonths"))
                .andExpect(jsonPath("$.figures.provenance.waitingFixedMonths[0].state")
                        .value("EXTERNAL"))
                .andExpect(jsonPath("$.figures.provenance.benefitStartDate[?(@.parameter == "
                                + "'waiting.fixedMonths')].state")
                        .value(hasItem("EXTERNAL")));
    }
}
