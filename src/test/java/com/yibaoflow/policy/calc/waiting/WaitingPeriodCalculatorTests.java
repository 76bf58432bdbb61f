package com.yibaoflow.policy.calc.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.Steps;
import com.yibaoflow.policy.calc.TestSnapshots;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaitingPeriodCalculatorTests {

    private static final LocalDate ADULT = LocalDate.of(1980, 5, 5);
    private static final LocalDate COVERAGE_START = LocalDate.of(2025, 1, 1);

    private final WaitingPeriodCalculator calculator = new WaitingPeriodCalculator();
    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    private WaitingPeriodResult calculate(LocalDate paid, Set<Integer> covered, int backPaid) {
        return calculator.calculate(
                dongzhi, new WaitingPeriodInput(2025, paid, ADULT, Residence.LOCAL_HUKOU, covered, backPaid));
    }

    /** Covered up to and including {@code lastCovered} (since 2010). */
    private static Set<Integer> coveredUntil(int lastCovered) {
        return IntStream.rangeClosed(2010, lastCovered).boxed().collect(Collectors.toSet());
    }

    private static String field(Throwable e) {
        return ((InvalidCalculationInputException) e).field();
    }

    @Test
    void R_WAIT_01_continuousEnrollmentInTheCollectionPeriodHasNoWaiting() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 10, 15), coveredUntil(2024), 0);

        assertThat(result.exempt()).isTrue();
        assertThat(result.reason()).isEqualTo(WaitingReason.CONTINUOUS_ENROLLMENT);
        assertThat(result.totalMonths()).isZero();
        assertThat(result.missedYears()).isZero();
        assertThat(result.benefitStartDate()).isEqualTo(COVERAGE_START);
        assertThat(result.benefitsInCoverageYear()).isTrue();
        assertThat(Steps.textOf(result.explanation(), "R-REG-02"))
                .contains("periods.collectionEnd = 2024-12-31 (SEED: [D] (一))");
    }

    @Test
    void R_WAIT_01_paymentOnTheLastDayOfTheCollectionPeriodIsInTime() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 12, 31), coveredUntil(2024), 0);

        assertThat(result.exempt()).isTrue();
        assertThat(result.benefitStartDate()).isEqualTo(COVERAGE_START);
    }

    @Test
    void R_WAIT_02_paymentTheDayAfterTheCollectionPeriodGetsTheFixedMonths() {
        WaitingPeriodResult result = calculate(LocalDate.of(2025, 1, 1), coveredUntil(2024), 0);

        assertThat(result.exempt()).isFalse();
        assertThat(result.reason()).isEqualTo(WaitingReason.PAID_OUTSIDE_COLLECTION_PERIOD);
        assertThat(result.fixedMonths()).isEqualTo(3);
        assertThat(result.variableMonths()).isZero();
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-02"))
                .contains("waiting.fixedMonths = 3 (EXTERNAL: [G] 国办发〔2024〕38号 “设置参保后固定待遇等待期3个月” — confirm locally)");
    }

    @Test
    void R_ELIG_03_newbornPaidOnDay90IsCoveredFromBirth() {
        LocalDate birth = LocalDate.of(2025, 3, 1);
        WaitingPeriodResult result = calculator.calculate(
                dongzhi, new WaitingPeriodInput(2025, birth.plusDays(90), birth, Residence.NEWBORN, Set.of(), 0));

        assertThat(result.coveredFromBirth()).isTrue();
        assertThat(result.exempt()).isTrue();
        assertThat(result.reason()).isEqualTo(WaitingReason.NEWBORN_WITHIN_GRACE_PERIOD);
        assertThat(result.totalMonths()).isZero();
        assertThat(result.benefitStartDate()).isEqualTo(birth);
        assertThat(Steps.textOf(result.explanation(), "R-ELIG-03"))
                .contains("paid 90 days after birth", "waiting.newbornGraceDays = 90 (SEED: [D] (九))");
    }

    @Test
    void R_ELIG_03_newbornPaidOnDay91GetsTheFixedMonthsOnly() {
        LocalDate birth = LocalDate.of(2025, 3, 1);
        LocalDate paid = birth.plusDays(91);
        WaitingPeriodResult result = calculator.calculate(
                dongzhi, new WaitingPeriodInput(2025, paid, birth, Residence.NEWBORN, Set.of(), 0));

        assertThat(result.coveredFromBirth()).isFalse();
        assertThat(result.exempt()).isFalse();
        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD);
        assertThat(result.fixedMonths()).isEqualTo(3);
        assertThat(result.variableMonths()).isZero();
        assertThat(result.benefitStartDate()).isEqualTo(paid.plusMonths(3)).isEqualTo(LocalDate.of(2025, 8, 31));
        assertThat(Steps.textOf(result.explanation(), "R-ELIG-03")).contains("paid 91 days after birth");
    }

    @Test
    void R_ELIG_03_newbornBornInThePreviousCalendarYearIsCoveredFromTheBirthDate() {
        // issue #17 item 5: "自出生之日起" — the coverage starts on the birth date, not on 1 January
        LocalDate birth = LocalDate.of(2024, 11, 20);
        WaitingPeriodResult result = calculator.calculate(
                dongzhi, new WaitingPeriodInput(2025, LocalDate.of(2024, 12, 10), birth, null, null, 0));

        assertThat(result.coveredFromBirth()).isTrue();
        assertThat(result.benefitStartDate()).isEqualTo(birth);
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-05")).contains("covered from birth");
    }

    @Test
    void R_ELIG_03_newbornOfThePreviousYearPaidOnDay91IsNotCoveredFromBirth() {
        LocalDate birth = LocalDate.of(2024, 10, 2);
        LocalDate paid = birth.plusDays(91);
        WaitingPeriodResult result =
                calculator.calculate(dongzhi, new WaitingPeriodInput(2025, paid, birth, Residence.NEWBORN, null, 0));

        assertThat(result.coveredFromBirth()).isFalse();
        assertThat(result.benefitStartDate()).isAfter(COVERAGE_START);
    }

    @Test
    void R_REG_03_onlyStudentsMayPayBeforeTheCollectionPeriodOneRuleForBothDoors() {
        var periods = dongzhi.parameters().periods();
        assertThat(WaitingPeriodCalculator.earliestPayment(periods, Residence.STUDENT))
                .isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(WaitingPeriodCalculator.earliestPayment(periods, Residence.LOCAL_HUKOU))
                .isEqualTo(LocalDate.of(2024, 9, 1));
        WaitingPeriodResult early = calculator.calculate(
                dongzhi,
                new WaitingPeriodInput(
                        2025, LocalDate.of(2024, 1, 1), ADULT, Residence.STUDENT, coveredUntil(2024), 0));
        assertThat(early.exempt()).isTrue();
        assertThat(early.benefitStartDate()).isEqualTo(COVERAGE_START);
        assertThatThrownBy(() -> calculator.calculate(
                        dongzhi,
                        new WaitingPeriodInput(2025, LocalDate.of(2023, 12, 31), ADULT, Residence.STUDENT, null, 0)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("paymentDate"));
    }

    @Test
    void R_WAIT_03_gapOfOneYearAddsOneMonth() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 11, 1), coveredUntil(2023), 0);

        assertThat(result.reason()).isEqualTo(WaitingReason.COVERAGE_GAP);
        assertThat(result.missedYears()).isEqualTo(1);
        assertThat(result.fixedMonths()).isEqualTo(3);
        assertThat(result.variableMonths()).isEqualTo(1);
        assertThat(result.totalMonths()).isEqualTo(4);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-03"))
                .contains(
                        "1 counted missed year(s) × 1 month(s) = 1 variable month(s)",
                        "waiting.firstMissedYearCounts = true (SAMPLE — confirm locally)");
    }

    @Test
    void R_WAIT_04_gapOfOneYearBackPaidLeavesTheFixedMonths() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 11, 1), coveredUntil(2023), 1);

        assertThat(result.variableMonths()).isZero();
        assertThat(result.totalMonths()).isEqualTo(3);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 2, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-04")).contains("1 back-paid year(s) remove 1 month(s)");
    }

    @Test
    void R_WAIT_03_gapOfFiveYearsAddsFiveMonths() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 10, 1), coveredUntil(2019), 0);

        assertThat(result.missedYears()).isEqualTo(5);
        assertThat(result.variableMonths()).isEqualTo(5);
        assertThat(result.totalMonths()).isEqualTo(8);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-01"))
                .contains("5 consecutive coverage year(s) missed " + "(2020–2024)");
    }

    @Test
    void R_WAIT_04_gapOfFiveYearsFullyBackPaidKeepsTheSixMonthFloor() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 10, 1), coveredUntil(2019), 5);

        assertThat(result.fixedMonths()).isEqualTo(3);
        assertThat(result.variableMonths()).isEqualTo(3);
        assertThat(result.totalMonths()).isEqualTo(6);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-04"))
                .contains(
                        "variable raised to 3 month(s)",
                        "waiting.longGapMinimumMonths = 6 (EXTERNAL: [G] 国办发〔2024〕38号 "
                                + "and its local restatements fixed + variable at least 6 months — confirm locally)");
    }

    @ParameterizedTest(name = "gap {0}, back-paid {1} → {2} variable, {3} total")
    @CsvSource({"5, 2, 3, 6", "5, 1, 4, 7", "4, 4, 3, 6", "3, 3, 0, 3", "3, 1, 2, 5"})
    void R_WAIT_04_backPaymentAndTheLongGapFloor(int gap, int backPaid, int variable, int total) {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 10, 1), coveredUntil(2024 - gap), backPaid);

        assertThat(result.missedYears()).isEqualTo(gap);
        assertThat(result.variableMonths()).isEqualTo(variable);
        assertThat(result.totalMonths()).isEqualTo(total);
    }

    @Test
    void R_WAIT_03_firstMissedYearNotCountingIsARegionalParameter() {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        Waiting w = p.waiting();
        PolicySnapshot snapshot = TestSnapshots.dongzhi2025(new PolicyParameters(
                p.periods(),
                p.funding(),
                p.subsidies(),
                new Waiting(
                        w.fixedMonths(),
                        w.monthsPerGapYear(),
                        false,
                        w.monthsRemovedPerBackPaidYear(),
                        w.longGapYears(),
                        w.longGapMinimumMonths(),
                        w.newbornGraceDays(),
                        w.exemptGroups()),
                p.incentives(),
                p.benefits(),
                p.monitoring()));

        WaitingPeriodResult oneYear = calculator.calculate(
                snapshot, new WaitingPeriodInput(2025, LocalDate.of(2024, 10, 1), ADULT, null, coveredUntil(2023), 0));
        WaitingPeriodResult fiveYears = calculator.calculate(
                snapshot, new WaitingPeriodInput(2025, LocalDate.of(2024, 10, 1), ADULT, null, coveredUntil(2019), 0));

        assertThat(oneYear.variableMonths()).isZero();
        assertThat(oneYear.totalMonths()).isEqualTo(3);
        assertThat(fiveYears.variableMonths()).isEqualTo(4);
        assertThat(fiveYears.totalMonths()).isEqualTo(7);
    }

    @Test
    void R_WAIT_05_benefitStartAfterCoverageEndMeansNoBenefitsThisYear() {
        WaitingPeriodResult result = calculate(LocalDate.of(2025, 6, 1), coveredUntil(2019), 0);

        assertThat(result.totalMonths()).isEqualTo(8);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(result.benefitsInCoverageYear()).isFalse();
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-05")).contains("no benefits in this coverage year");
    }

    @Test
    void R_WAIT_05_waitingEndingBeforeCoverageStartStartsAtCoverageStart() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 9, 1), coveredUntil(2023), 1);

        assertThat(result.totalMonths()).isEqualTo(3);
        assertThat(result.benefitStartDate()).isEqualTo(COVERAGE_START);
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-05")).contains("never before the coverage start");
    }

    @Test
    void firstEnrollmentInTheCollectionPeriodHasNoWaiting() {
        WaitingPeriodResult result = calculate(LocalDate.of(2024, 10, 10), Set.of(), 0);

        assertThat(result.exempt()).isTrue();
        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_IN_COLLECTION_PERIOD);
        assertThat(result.benefitStartDate()).isEqualTo(COVERAGE_START);
    }

    @Test
    void firstEnrollmentOutsideTheCollectionPeriodGetsTheFixedMonthsOnly() {
        WaitingPeriodResult result = calculate(LocalDate.of(2025, 3, 15), null, 0);

        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD);
        assertThat(result.totalMonths()).isEqualTo(3);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 6, 15));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-01")).contains("reading");
    }

    @Test
    void R_WAIT_01_regionalExemptGroupHasNoWaiting() {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        Waiting w = p.waiting();
        PolicySnapshot snapshot = TestSnapshots.dongzhi2025(new PolicyParameters(
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
                        Set.of(Residence.NEWBORN, Residence.STUDENT)),
                p.incentives(),
                p.benefits(),
                p.monitoring()));

        WaitingPeriodResult result = calculator.calculate(
                snapshot,
                new WaitingPeriodInput(
                        2025, LocalDate.of(2025, 3, 1), LocalDate.of(2008, 1, 1), Residence.STUDENT, Set.of(2020), 0));

        assertThat(result.exempt()).isTrue();
        assertThat(result.reason()).isEqualTo(WaitingReason.EXEMPT_GROUP);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-01"))
                .contains("waiting.exemptGroups = [STUDENT, NEWBORN]");
    }

    @Test
    void R_REG_03_studentsMayPayEarlyAndCountAsInPeriod() {
        WaitingPeriodResult result = calculator.calculate(
                dongzhi,
                new WaitingPeriodInput(
                        2025, LocalDate.of(2024, 7, 1), LocalDate.of(2008, 1, 1), Residence.STUDENT, Set.of(2024), 0));

        assertThat(result.reason()).isEqualTo(WaitingReason.CONTINUOUS_ENROLLMENT);
        assertThat(result.benefitStartDate()).isEqualTo(COVERAGE_START);
        assertThat(Steps.ruleIds(result.explanation())).contains("R-REG-03");
    }

    @Test
    void invalidInputNamesTheField() {
        LocalDate paid = LocalDate.of(2024, 10, 1);
        assertThatThrownBy(() -> calculate(LocalDate.of(2024, 8, 31), Set.of(2024), 0))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(field(e)).isEqualTo("paymentDate"));
        assertThatThrownBy(() -> calculate(LocalDate.of(2026, 1, 1), Set.of(2024), 0))
                .satisfies(e -> assertThat(field(e)).isEqualTo("paymentDate"));
        assertThatThrownBy(() -> calculate(null, Set.of(2024), 0))
                .satisfies(e -> assertThat(field(e)).isEqualTo("paymentDate"));
        assertThatThrownBy(() -> calculator.calculate(
                        dongzhi, new WaitingPeriodInput(2025, paid, paid.plusDays(1), null, Set.of(), 0)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("birthDate"));
        assertThatThrownBy(() ->
                        calculator.calculate(dongzhi, new WaitingPeriodInput(2025, paid, null, null, Set.of(), 0)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("birthDate"));
        assertThatThrownBy(() -> calculate(paid, Set.of(2024, 2025), 0))
                .satisfies(e -> assertThat(field(e)).isEqualTo("coveredYears"));
        assertThatThrownBy(() -> calculate(paid, Set.of(1970), 0))
                .satisfies(e -> assertThat(field(e)).isEqualTo("coveredYears"));
        assertThatThrownBy(() -> calculate(paid, coveredUntil(2022), 3))
                .satisfies(e -> assertThat(field(e)).isEqualTo("backPaidYears"));
        assertThatThrownBy(() -> calculate(paid, Set.of(), 1))
                .satisfies(e -> assertThat(field(e)).isEqualTo("backPaidYears"));
        assertThatThrownBy(() -> calculate(paid, coveredUntil(2022), -1))
                .satisfies(e -> assertThat(field(e)).isEqualTo("backPaidYears"));
        assertThatThrownBy(() ->
                        calculator.calculate(dongzhi, new WaitingPeriodInput(2026, paid, ADULT, null, Set.of(), 0)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("coverageYear"));
    }
}
