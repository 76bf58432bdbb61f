package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.MajorMatterRequests;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #17 items 1, 5 and 7 end to end on PostgreSQL: back-payment charged (R-WAIT-04), newborns (R-ELIG-03) and the
 * students' early payment (R-REG-03). The clock stands in Dongzhi's 2025 collection period unless a test moves it.
 */
@IntegrationTest
@InCollectionPeriod
class PolicyToTheLetterTests {

    static final String REGION = "341721";
    static final int YEAR = 2025;

    @Autowired
    EnrollmentService enrollments;

    @Autowired
    PaymentService payments;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    Coverages coverages;

    @Autowired
    PolicyService policies;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ShiftableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MockMvc mvc;

    /** Dongzhi 2024 at its own individual standard, 380 CNY ([D] (二): 400 is "+20 on the year before"). */
    @BeforeEach
    void dongzhi2024IsOnRecord() {
        synchronized (PolicyToTheLetterTests.class) {
            boolean active;
            try {
                active = policies.versions(REGION, 2024).stream().anyMatch(v -> v.status() == PolicyStatus.ACTIVE);
            } catch (DomainException none) {
                active = false;
            }
            if (!active) {
                var y2025 = policies.active(REGION, 2025);
                var draft = policies.createDraft(
                        REGION, 2024, at2024(y2025.parameters()), y2025.provenance(), "test: Dongzhi 2024", "test");
                MajorMatterRequests.activate(REGION, 2024, draft.version()); // R-MM-03
            }
        }
    }

    private static PolicyParameters at2024(PolicyParameters p) {
        BigDecimal standard = new BigDecimal("380.00");
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(HardshipCategory.class);
        p.subsidies().forEach((category, amount) -> subsidies.put(category, amount.min(standard)));
        var f = p.funding();
        return new PolicyParameters(
                new PolicyParameters.Periods(
                        p.periods().collectionStart().minusYears(1),
                        p.periods().collectionEnd().minusYears(1),
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 12, 31)),
                new PolicyParameters.Funding(
                        standard,
                        new BigDecimal("640.00"),
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

    Application application(String idNumber, Residence residence, int paidBackYears) {
        return new Application(
                REGION, YEAR, idNumber, "赵六", residence, null, "尧渡镇", "13800000000", List.of(), null, paidBackYears);
    }

    EnrollmentCase intake(Application application) {
        EnrollmentCase c = enrollments.intake(application, EnrollmentSource.API, null, "test");
        driver.runJobs(c.processInstanceId());
        return reload(c);
    }

    EnrollmentCase reload(EnrollmentCase c) {
        return cases.findById(c.id()).orElseThrow();
    }

    void pay(EnrollmentCase c, String amount, LocalDate paidOn) {
        Instant paidAt = paidOn.atTime(8, 0).atZone(ClockConfiguration.ZONE).toInstant();
        if (clock.instant().isBefore(paidAt)) {
            clock.setInstant(paidAt.plusSeconds(3600));
        }
        payments.confirm(new PaymentService.Confirmation(
                "P17-" + c.id(), c.idNumber(), REGION, YEAR, new BigDecimal(amount), Payment.Channel.WECHAT, paidAt));
        driver.runJobs(c.processInstanceId());
    }

    /** Covered in 2022 only: 2023 and 2024 missed (R-WAIT-03). */
    String coveredIn2022() {
        String id = TestIds.adult();
        EarlierYears.record(jdbc, id, 2022, "赵六", "ENROLLED");
        return id;
    }

    // ---- R-WAIT-04 back-payment charged (item 1) ----------------------------------------------------------------

    @Test
    void R_WAIT_04_theBackPaidYearIsChargedAtItsOwnStandardAndTheMonthComesOffWhenPaid() {
        EnrollmentCase without = intake(application(coveredIn2022(), Residence.LOCAL_HUKOU, 0));
        EnrollmentCase with = intake(application(coveredIn2022(), Residence.LOCAL_HUKOU, 1));

        assertThat(without.personalDue()).isEqualByComparingTo("400.00");
        assertThat(with.currentYearDue()).isEqualByComparingTo("400.00");
        assertThat(with.backPaymentDue()).isEqualByComparingTo("380.00");
        assertThat(with.personalDue()).isEqualByComparingTo("780.00");
        assertThat(with.backPaymentBreakdown()).singleElement().satisfies(y -> {
            assertThat(y.year()).isEqualTo(2024);
            assertThat(y.individualStandard()).isEqualByComparingTo("380.00");
            assertThat(y.policyVersion()).startsWith("341721/2024 v");
            assertThat(y.state()).isNotNull();
        });
        assertThat(with.explanation())
                .anySatisfy(s -> assertThat(s.text())
                        .contains("R-WAIT-04")
                        .contains("2024")
                        .contains("380.00"));
        assertThat(ContributionCalculation.breakdownText(with))
                .contains("补缴 2024 年度 380.00 元")
                .containsPattern("2024 v\\d+，来源：(种子数据|外部数据|示例数据)）")
                .contains("合计应缴 780.00 元");

        pay(without, "400.00", LocalDate.of(2024, 11, 20));
        pay(with, "780.00", LocalDate.of(2024, 11, 20));

        EnrollmentCase a = reload(without);
        EnrollmentCase b = reload(with);
        assertThat(b.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(b.backPaidYearsConfirmed()).isEqualTo(1);
        assertThat(b.waitingVariableMonths()).isEqualTo(a.waitingVariableMonths() - 1);
        assertThat(coverages.findByCaseId(b.id()).orElseThrow().personalPaid()).isEqualByComparingTo("780.00");
        assertThat(coverages.findByCaseId(b.id()).orElseThrow().benefitStartDate())
                .isEqualTo(coverages
                        .findByCaseId(a.id())
                        .orElseThrow()
                        .benefitStartDate()
                        .minusMonths(1));
    }

    @Test
    void R_WAIT_04_aPartialPaymentCountsWholeYearsOnlyAndSaysSo() {
        EnrollmentCase without = intake(application(coveredIn2022(), Residence.LOCAL_HUKOU, 0));
        EnrollmentCase c = intake(application(coveredIn2022(), Residence.LOCAL_HUKOU, 1));

        pay(without, "400.00", LocalDate.of(2024, 11, 20));
        pay(c, "700.00", LocalDate.of(2024, 11, 20)); // 400 + 300: the 2024 year is not paid in full

        EnrollmentCase paid = reload(c);
        assertThat(paid.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(paid.backPaidYearsConfirmed()).isZero();
        assertThat(paid.waitingVariableMonths()).isEqualTo(reload(without).waitingVariableMonths());
        assertThat(paid.waitingExplanation())
                .anySatisfy(s -> assertThat(s.text())
                        .contains("partial payment")
                        .contains("0 of 1")
                        .contains("only whole years count")
                        .contains("300.00 CNY count for no year"));
    }

    @Test
    void R_WAIT_04_lessThanTheCurrentYearsDueIsAWrongAmount() {
        EnrollmentCase c = intake(application(coveredIn2022(), Residence.LOCAL_HUKOU, 1));

        pay(c, "399.00", LocalDate.of(2024, 11, 20));

        assertThat(reload(c).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
    }

    @Test
    void R_WAIT_04_aBackPaidYearWithoutAPolicyVersionIsA400AndNothingIsWritten() throws Exception {
        String id = coveredIn2022();
        // 2024 and 2023 missed; Dongzhi 2023 has no policy version on record
        mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"赵六",
                                 "residence":"LOCAL_HUKOU","township":"尧渡镇","phone":"13900000000",
                                 "claimedCategories":[],"paidBackYears":2}""".formatted(id)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("paidBackYears"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("2023")));
        assertThat(cases.findLive(id, YEAR)).isEmpty();
        assertThatThrownBy(() -> enrollments.requireBackPaymentVersions(REGION, YEAR, id, 2))
                .isInstanceOf(DomainException.class);
        enrollments.requireBackPaymentVersions(REGION, YEAR, id, 1); // 2024 is on record
    }

    // ---- R-ELIG-03 newborns (item 5) ---------------------------------------------------------------------------

    @Test
    void R_ELIG_03_aNewbornsDeadlineIsThe90thDayAfterBirthWhenEarlierAndTheCoverStartsOnTheBirthDate() {
        LocalDate birth = LocalDate.of(2024, 10, 1); // previous calendar year; day 90 = 2024-12-30 < 2024-12-31
        clock.setToday(LocalDate.of(2024, 10, 20), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.bornOn(birth), Residence.NEWBORN, 0));
        assertThat(c.paymentDeadline()).isEqualTo(LocalDate.of(2024, 12, 30));

        pay(c, "400.00", LocalDate.of(2024, 12, 30)); // day 90

        Coverage coverage = coverages.findByCaseId(c.id()).orElseThrow();
        assertThat(coverage.coveredFromBirth()).isTrue();
        assertThat(coverage.benefitStartDate()).isEqualTo(birth); // "自出生之日起", not 2025-01-01
    }

    @Test
    void R_ELIG_03_theUsualDeadlineStaysWhenItIsEarlierThanDay90() {
        LocalDate birth = LocalDate.of(2024, 12, 1);
        clock.setToday(LocalDate.of(2024, 12, 5), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.bornOn(birth), Residence.NEWBORN, 0));
        assertThat(c.paymentDeadline()).isEqualTo(LocalDate.of(2024, 12, 31));
    }

    // ---- R-REG-03 student early payment (item 7) ---------------------------------------------------------------

    @Test
    void R_REG_03_aStudentsEarlyPaymentIsAcceptedAndActivatesTheCoverage() {
        clock.setToday(LocalDate.of(2024, 3, 1), LocalTime.of(9, 0));
        EnrollmentCase c = intake(application(TestIds.adult(), Residence.STUDENT, 0));

        pay(c, c.personalDue().toPlainString(), LocalDate.of(2024, 3, 2));

        EnrollmentCase enrolled = reload(c);
        assertThat(enrolled.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(coverages.findByCaseId(c.id()).orElseThrow().benefitStartDate())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void R_REG_03_paymentsBeforeTheEarliestDayAreRefusedByTheOneRule() {
        clock.setToday(LocalDate.of(2024, 3, 1), LocalTime.of(9, 0));
        EnrollmentCase student = intake(application(TestIds.adult(), Residence.STUDENT, 0));
        EnrollmentCase adult = intake(application(TestIds.adult(), Residence.LOCAL_HUKOU, 0));

        assertThatThrownBy(() -> pay(student, student.personalDue().toPlainString(), LocalDate.of(2023, 12, 31)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.getMessage()).contains("2024-01-01"));
        assertThatThrownBy(() -> pay(adult, adult.personalDue().toPlainString(), LocalDate.of(2024, 3, 2)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.getMessage()).contains("2024-09-01"));
        assertThat(reload(student).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
        assertThat(reload(adult).status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);
    }

    // ---- R-ELIG-02 employee insurance (item 6) -----------------------------------------------------------------

    String employedUntil(LocalDate validTo) {
        String id = TestIds.adult();
        jdbc.update(
                "insert into yibao.employee_insurance_record (id_number, name, valid_from, valid_to, imported_at) "
                        + "values (?, '赵六', '2020-01-01', ?, now())",
                id,
                validTo);
        return id;
    }

    @Test
    void R_ELIG_02_employmentEndingInJanuaryDoesNotBlockAndBenefitsStartTheDayAfter() {
        EnrollmentCase c = intake(application(employedUntil(LocalDate.of(2025, 1, 31)), Residence.LOCAL_HUKOU, 0));
        assertThat(c.status()).isEqualTo(EnrollmentStatus.AWAITING_PAYMENT);

        pay(c, "400.00", LocalDate.of(2024, 11, 20));

        EnrollmentCase enrolled = reload(c);
        assertThat(enrolled.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(coverages.findByCaseId(c.id()).orElseThrow().benefitStartDate())
                .isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(enrolled.waitingExplanation())
                .anySatisfy(s -> assertThat(s.text()).contains("R-ELIG-02").contains("2025-01-31"));
    }

    @Test
    void R_ELIG_02_employmentEndedBeforeTheCoverageYearChangesNothing() {
        EnrollmentCase c = intake(application(employedUntil(LocalDate.of(2024, 12, 31)), Residence.LOCAL_HUKOU, 0));

        pay(c, "400.00", LocalDate.of(2024, 11, 20));

        assertThat(coverages.findByCaseId(c.id()).orElseThrow().benefitStartDate())
                .isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void R_ELIG_02_employmentReachingTheCoverageEndStillRejects() {
        EnrollmentCase c = intake(application(employedUntil(LocalDate.of(2025, 12, 31)), Residence.LOCAL_HUKOU, 0));

        assertThat(c.status()).isEqualTo(EnrollmentStatus.REJECTED);
        assertThat(c.rejectionReason()).isEqualTo("EMPLOYEE_INSURED");
    }
}
