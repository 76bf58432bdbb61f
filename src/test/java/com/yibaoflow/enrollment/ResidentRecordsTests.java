package com.yibaoflow.enrollment;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The facts the eligibility and calculation steps read in plain SQL (R-ELIG-02, R-WAIT-01..03), with the boundaries
 * of each: another region but not ours, a period overlapping the coverage period but not one next to it, the latest
 * enrolled year but not a lapsed or a later one.
 */
@IntegrationTest
class ResidentRecordsTests {

    static final String REGION = "341721";
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final LocalDate END = LocalDate.of(2025, 12, 31);

    @Autowired
    ResidentRecords records;

    @Autowired
    JdbcTemplate jdbc;

    ResidentRecords.EligibilityFacts facts(String id) {
        return records.eligibilityFacts(id, 2025, REGION, START, END);
    }

    void otherRegion(String id, String region, int year) {
        jdbc.update(
                "insert into yibao.other_region_enrollment (id_number, region_code, coverage_year, imported_at) "
                        + "values (?, ?, ?, now())",
                id,
                region,
                year);
    }

    void employeeInsurance(String id, String from, String to, String employer) {
        jdbc.update(
                "insert into yibao.employee_insurance_record (id_number, name, valid_from, valid_to, employer, "
                        + "imported_at) values (?, '张三', ?::date, ?::date, ?, now())",
                id,
                from,
                to,
                employer);
    }

    long earlierCase(String id, int year, String name, String status) {
        return EarlierYears.record(jdbc, id, year, name, status);
    }

    @Test
    void nothingOnRecordIsNoFact() {
        ResidentRecords.EligibilityFacts facts = facts(TestIds.adult());
        assertThat(facts.enrolledElsewhere()).isEmpty();
        assertThat(facts.employeeInsurance()).isEmpty();
        assertThat(facts.lastEnrolledName()).isEmpty();
    }

    @Test
    void R_ELIG_02_anotherRegionsEnrollmentOfTheSameYearCountsOursAndOtherYearsDoNot() {
        String id = TestIds.adult();
        otherRegion(id, REGION, 2025);
        otherRegion(id, "340102", 2024);
        otherRegion(id, "340102", 2026);
        assertThat(facts(id).enrolledElsewhere()).isEmpty();

        otherRegion(id, "341881", 2025);
        otherRegion(id, "340102", 2025);
        assertThat(facts(id).enrolledElsewhere()).contains("340102"); // the first by code, stable for the reason text
    }

    @Test
    void R_ELIG_02_anEmployeeInsurancePeriodCountsWhenItOverlapsTheCoveragePeriod() {
        String id = TestIds.adult();
        employeeInsurance(id, "2020-01-01", "2024-12-31", "东至县化工厂"); // ended the day before
        employeeInsurance(id, "2026-01-01", null, "池州港务"); // starts the day after
        assertThat(facts(id).employeeInsurance()).isEmpty();

        employeeInsurance(id, "2025-12-31", null, null); // one day of overlap is the same period
        assertThat(facts(id).employeeInsurance()).contains("2025-12-31 – (open)");

        // issue #17 item 6: a period ending inside the year does not block; benefits start after it
        employeeInsurance(id, "2025-03-01", "2025-06-30", "东至县人民医院");
        assertThat(facts(id).employeeInsurance()).contains("2025-12-31 – (open)");
        assertThat(records.employeeInsuranceEndingIn(id, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                .contains(LocalDate.of(2025, 6, 30));
    }

    @Test
    void R_ELIG_02_aPeriodEndingInsideTheCoverageYearDoesNotBlock() {
        String id = TestIds.adult();
        employeeInsurance(id, "2020-01-01", "2025-01-31", "东至县化工厂");
        assertThat(facts(id).employeeInsurance()).isEmpty();
        employeeInsurance(id, "2025-06-01", "2025-12-31", "池州港务"); // reaching the coverage end blocks
        assertThat(facts(id).employeeInsurance()).contains("2025-06-01 – 2025-12-31 池州港务");
    }

    @Test
    void theNameOfTheLatestEnrolledEarlierYearIsRead() {
        String id = TestIds.adult();
        earlierCase(id, 2022, "张三", "ENROLLED");
        earlierCase(id, 2023, "张叁", "ENROLLED");
        earlierCase(id, 2024, "李四", "LAPSED"); // not enrolled under that name
        earlierCase(id, 2026, "王五", "ENROLLED"); // a later year is not an earlier record
        assertThat(facts(id).lastEnrolledName()).contains("张叁");
    }

    @Test
    void R_WAIT_03_theCoverageYearsBeforeTheYearAreListed() {
        String id = TestIds.adult();
        earlierCase(id, 2021, "张三", "ENROLLED");
        earlierCase(id, 2023, "张三", "ENROLLED");
        earlierCase(id, 2025, "张三", "ENROLLED");
        earlierCase(id, 2024, "张三", "LAPSED");
        assertThat(records.coverageYearsBefore(id, 2025)).containsExactlyInAnyOrder(2021, 2023);
        assertThat(records.coverageYearsBefore(TestIds.adult(), 2025)).isEmpty();
    }

    @Test
    void R_ELIG_02_onlyALiveCaseOfTheSameYearIsFound() {
        String id = TestIds.adult();
        earlierCase(id, 2024, "张三", "ENROLLED");
        earlierCase(id, 2025, "张三", "REJECTED");
        assertThat(records.liveCaseId(id, 2025)).isEmpty();

        long live = earlierCase(id, 2025, "张三", "AWAITING_PAYMENT");
        assertThat(records.liveCaseId(id, 2025)).contains(live);
    }
}
