package com.yibaoflow.escalation;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** R-MM-06: {@code POST /api/fund-indicators} and the fund-risk warning (issue #18 §6, first part). */
@IntegrationTest
class FundIndicatorApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    ResultActions report(String month, String expenditure, String balance) throws Exception {
        return mvc.perform(post("/api/fund-indicators")
                .with(as(Department.MEDICAL_SECURITY))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"regionCode":"341721","month":"%s","income":"1200000.00","expenditure":"%s","balance":"%s"}""".formatted(month, expenditure, balance)));
    }

    long warnings(String month) {
        return jdbc.queryForObject(
                "select count(*) from yibao.fund_warning where region_code = '341721' and month = ?::date",
                Long.class,
                month + "-01");
    }

    @Test
    void R_MM_06_aBalanceCoveringFewerThanSixMonthsIsAWarning() throws Exception {
        report("2030-01", "1000000.00", "5499999.99")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.monthsCovered").value(5.50))
                .andExpect(jsonPath("$.thresholdMonths").value(6))
                .andExpect(jsonPath("$.warning").value(true));
        assertThat(warnings("2030-01")).isEqualTo(1);
    }

    @Test
    void R_MM_06_sixMonthsExactlyIsNoWarning() throws Exception {
        report("2030-02", "1000000.00", "6000000.00")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.monthsCovered").value(6.00))
                .andExpect(jsonPath("$.warning").value(false));
        assertThat(warnings("2030-02")).isZero();
    }

    @Test
    void aMonthWithoutExpenditureHasNoCoverageFigureAndNoWarning() throws Exception {
        report("2030-03", "0", "-10.00")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.monthsCovered").doesNotExist())
                .andExpect(jsonPath("$.warning").value(false));
    }

    @Test
    void aMonthIsReportedOnce() throws Exception {
        report("2030-04", "1000000.00", "9000000.00").andExpect(status().isCreated());
        report("2030-04", "1000000.00", "1000000.00").andExpect(status().isConflict());
        assertThat(warnings("2030-04")).isZero();
    }

    @Test
    void badFiguresAreNamedAndNothingIsRecorded() throws Exception {
        long before = jdbc.queryForObject("select count(*) from yibao.fund_indicator", Long.class);
        mvc.perform(post("/api/fund-indicators")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","month":"2030-05","income":"-1","expenditure":"1.001"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("income", "expenditure", "balance")));
        mvc.perform(post("/api/fund-indicators")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","month":"2030-13","income":"1","expenditure":"1","balance":"1"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
        assertThat(jdbc.queryForObject("select count(*) from yibao.fund_indicator", Long.class))
                .isEqualTo(before);
    }

    @Test
    void anotherRegionsFundIsNotReported() throws Exception {
        mvc.perform(post("/api/fund-indicators")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341722","month":"2030-06","income":"1","expenditure":"1","balance":"1"}"""))
                .andExpect(status().isNotFound());
    }

    @Test
    void R_MM_06_theThresholdIsARegionalParameter() {
        FundWarningProperties thresholds = new FundWarningProperties(null, Map.of("341723", new BigDecimal("3")));
        assertThat(thresholds.monthsFor("341721")).isEqualByComparingTo("6");
        assertThat(thresholds.monthsFor("341723")).isEqualByComparingTo("3");
        assertThat(FundCoverage.monthsCovered(new BigDecimal("10.00"), new BigDecimal("3.00")))
                .isEqualByComparingTo("3.33");
        assertThat(FundCoverage.warns(new BigDecimal("3.33"), new BigDecimal("3")))
                .isFalse();
        assertThat(FundCoverage.warns(new BigDecimal("2.99"), new BigDecimal("3")))
                .isTrue();
    }
}
