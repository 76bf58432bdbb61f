package com.yibaoflow.policy.calc.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.ParameterUse;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitch;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitchTreatment;
import com.yibaoflow.policy.calc.PolicyParameters.NeverCovered;
import com.yibaoflow.policy.calc.PolicyParameters.NeverCoveredReading;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.ProvenanceState;
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

/**
 * The three regional choices of the waiting period (issue #17): hardship categories exempt from waiting (item 8,
 * R-WAIT-01), how a never-covered adult counts (item 4, R-WAIT-01/03) and the treatment of a switch from employee
 * insurance (item 6, R-ELIG-02). Each with today's behaviour as the default and the other reading.
 */
class WaitingRegionalChoicesTests {

    private static final LocalDate ADULT = LocalDate.of(1980, 5, 5);
    private static final LocalDate COVERAGE_START = LocalDate.of(2025, 1, 1);

    private final WaitingPeriodCalculator calculator = new WaitingPeriodCalculator();
    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    private static Set<Integer> coveredUntil(int lastCovered) {
        return IntStream.rangeClosed(2010, lastCovered).boxed().collect(Collectors.toSet());
    }

    private static PolicySnapshot with(
            Set<HardshipCategory> exemptCategories, NeverCovered neverCovered, EmployeeSwitch employeeSwitch) {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        Waiting w = p.waiting();
        return TestSnapshots.dongzhi2025(new PolicyParameters(
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
                        exemptCategories,
                        neverCovered,
                        employeeSwitch),
                p.incentives(),
                p.benefits(),
                p.monitoring()));
    }

    private static PolicySnapshot exempting(HardshipCategory... categories) {
        return with(Set.of(categories), NeverCovered.DEFAULT, EmployeeSwitch.DEFAULT);
    }

    private static PolicySnapshot neverCoveredSince(int startYear) {
        return with(
                Set.of(),
                new NeverCovered(NeverCoveredReading.YEARS_SINCE_START_YEAR, startYear, 18),
                EmployeeSwitch.DEFAULT);
    }

    private static final PolicySnapshot SWITCH_WAIVED = with(
            Set.of(),
            NeverCovered.DEFAULT,
            new EmployeeSwitch(EmployeeSwitchTreatment.NO_WAITING_AFTER_SHORT_INTERRUPTION, 3, 2));

    private static WaitingPeriodInput input(LocalDate paid, LocalDate birth, Set<Integer> covered, int backPaid) {
        return new WaitingPeriodInput(2025, paid, birth, Residence.LOCAL_HUKOU, covered, backPaid);
    }

    private static WaitingPeriodInput withCategories(LocalDate paid, Set<Integer> covered, HardshipCategory... cs) {
        return new WaitingPeriodInput(2025, paid, ADULT, Residence.LOCAL_HUKOU, covered, 0, Set.of(cs), null, null);
    }

    private static WaitingPeriodInput switching(
            LocalDate paid, Set<Integer> covered, LocalDate employeeEnd, Set<Integer> employeeYears) {
        return new WaitingPeriodInput(
                2025, paid, ADULT, Residence.LOCAL_HUKOU, covered, 0, null, employeeEnd, employeeYears);
    }

    // ---- the seeded defaults are today's behaviour -------------------------------------------------------------

    @Test
    void theSeededDefaultsAreTodaysBehaviourWithTheirProvenance() {
        Waiting w = dongzhi.parameters().waiting();

        assertThat(w.exemptCategories()).isEmpty();
        assertThat(w.neverCovered()).isEqualTo(new NeverCovered(NeverCoveredReading.FIRST_ENROLLMENT, 2025, 18));
        assertThat(w.employeeSwitch()).isEqualTo(new EmployeeSwitch(EmployeeSwitchTreatment.AS_ANY_ENROLLMENT, 3, 2));
        assertThat(dongzhi.provenanceOf("waiting.neverCovered.startYear").state())
                .isEqualTo(ProvenanceState.SEED);
        assertThat(dongzhi.provenanceOf("waiting.neverCovered.startYear").label())
                .isEqualTo("SEED: [D] (五) “自2025年起”");
        assertThat(dongzhi.provenanceOf("waiting.employeeSwitch.treatment").state())
                .isEqualTo(ProvenanceState.SAMPLE);
        assertThat(dongzhi.provenanceOf("waiting.exemptCategories").ruleId()).isEqualTo("R-WAIT-01");
    }

    // ---- R-WAIT-01: exempt hardship categories (item 8) ----------------------------------------------------------

    @Test
    void R_WAIT_01_aVerifiedHardshipCategoryTheRegionExemptsHasNoWaiting() {
        WaitingPeriodResult result = calculator.calculate(
                exempting(HardshipCategory.EXTREME_POVERTY),
                withCategories(LocalDate.of(2025, 3, 1), coveredUntil(2019), HardshipCategory.EXTREME_POVERTY));

        assertThat(result.reason()).isEqualTo(WaitingReason.EXEMPT_CATEGORY);
        assertThat(result.exempt()).isTrue();
        assertThat(result.totalMonths()).isZero();
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-01"))
                .contains("EXTREME_POVERTY (特困人员)")
                .contains("waiting.exemptCategories = [EXTREME_POVERTY] (SAMPLE — confirm locally)");
    }

    @Test
    void R_WAIT_01_aCategoryTheRegionDoesNotExemptWaitsAsAnyoneElse() {
        WaitingPeriodResult result = calculator.calculate(
                exempting(HardshipCategory.EXTREME_POVERTY),
                withCategories(LocalDate.of(2025, 3, 1), coveredUntil(2019), HardshipCategory.MINIMUM_LIVING));

        assertThat(result.reason()).isEqualTo(WaitingReason.COVERAGE_GAP);
        assertThat(result.totalMonths()).isEqualTo(8);
    }

    @Test
    void R_WAIT_01_withoutExemptCategoriesAHardshipPersonWaitsAsToday() {
        WaitingPeriodResult result = calculator.calculate(
                dongzhi,
                withCategories(LocalDate.of(2025, 3, 1), coveredUntil(2019), HardshipCategory.EXTREME_POVERTY));

        assertThat(result.reason()).isEqualTo(WaitingReason.COVERAGE_GAP);
        assertThat(result.totalMonths()).isEqualTo(8);
    }

    @Test
    void R_WAIT_01_anExemptCategoryBeforeTheCoverageStartStartsWithTheCoverageYear() {
        WaitingPeriodResult result = calculator.calculate(
                exempting(HardshipCategory.ORPHAN, HardshipCategory.EXTREME_POVERTY),
                withCategories(LocalDate.of(2024, 12, 1), Set.of(2018), HardshipCategory.ORPHAN));

        assertThat(result.reason()).isEqualTo(WaitingReason.EXEMPT_CATEGORY);
        assertThat(result.benefitStartDate()).isEqualTo(COVERAGE_START);
    }

    @Test
    void R_WAIT_01_aNewbornPaidAfterTheGraceDaysInAnExemptCategoryHasNoWaiting() {
        WaitingPeriodResult result = calculator.calculate(
                exempting(HardshipCategory.ORPHAN),
                new WaitingPeriodInput(
                        2025,
                        LocalDate.of(2025, 8, 1),
                        LocalDate.of(2025, 2, 1),
                        Residence.NEWBORN,
                        null,
                        0,
                        Set.of(HardshipCategory.ORPHAN),
                        null,
                        null));

        assertThat(result.reason()).isEqualTo(WaitingReason.EXEMPT_CATEGORY);
        assertThat(Steps.ruleIds(result.explanation())).contains("R-ELIG-03", "R-WAIT-01");
    }

    // ---- never-covered adults (item 4) ---------------------------------------------------------------------------

    @Test
    void R_WAIT_03_byDefaultANeverCoveredAdultIsAFirstEnrollmentAndTheExplanationNamesTheReading() {
        WaitingPeriodResult result = calculator.calculate(dongzhi, input(LocalDate.of(2025, 3, 1), ADULT, null, 0));

        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD);
        assertThat(result.totalMonths()).isEqualTo(3);
        assertThat(result.missedYears()).isZero();
        assertThat(Steps.parametersOf(result.explanation()))
                .extracting(ParameterUse::path, ParameterUse::value)
                .contains(org.assertj.core.groups.Tuple.tuple("waiting.neverCovered.reading", "FIRST_ENROLLMENT"));
    }

    @Test
    void R_WAIT_03_yearsSinceAStartYearCountAsMissedForANeverCoveredAdult() {
        WaitingPeriodResult result =
                calculator.calculate(neverCoveredSince(2022), input(LocalDate.of(2025, 3, 1), ADULT, Set.of(), 0));

        assertThat(result.reason()).isEqualTo(WaitingReason.NEVER_COVERED_SINCE_START_YEAR);
        assertThat(result.missedYears()).isEqualTo(3);
        assertThat(result.fixedMonths()).isEqualTo(3);
        assertThat(result.variableMonths()).isEqualTo(3);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(result.exempt()).isFalse();
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-03"))
                .contains("from 2022")
                .contains("waiting.neverCovered.reading = YEARS_SINCE_START_YEAR")
                .contains("waiting.neverCovered.startYear = 2022");
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-01")).contains("never covered: 3 consecutive");
    }

    @Test
    void R_WAIT_03_theCountedYearsAreAGapEvenWhenPaidInTheCollectionPeriod() {
        WaitingPeriodResult result =
                calculator.calculate(neverCoveredSince(2023), input(LocalDate.of(2024, 10, 1), ADULT, null, 0));

        assertThat(result.totalMonths()).isEqualTo(5);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    }

    @Test
    void R_WAIT_03_theSeededStartYearCountsNothingBeforeTheFirstYearAfterIt() {
        WaitingPeriodResult result =
                calculator.calculate(neverCoveredSince(2025), input(LocalDate.of(2025, 3, 1), ADULT, null, 0));

        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD);
        assertThat(result.totalMonths()).isEqualTo(3);
    }

    @ParameterizedTest(name = "born {0}: {1} missed year(s)")
    @CsvSource({
        // adult long before the start year: from the start year 2020
        "1980-05-05, 5",
        // turned 18 in 2023, after the start year: from 2023
        "2005-06-01, 2",
        // turns 18 on the coverage start: an adult, but from 2025 nothing is missed
        "2007-01-01, 0",
        // 18 on 2025-01-02: a minor at the coverage start
        "2007-01-02, 0",
        // a child
        "2015-03-03, 0"
    })
    void R_WAIT_03_missedYearsRunFromTheLaterOfTheStartYearAndComingOfAge(LocalDate birth, int missed) {
        Waiting waiting = neverCoveredSince(2020).parameters().waiting();

        assertThat(WaitingPeriodCalculator.countedMissedYears(waiting, 2025, Set.of(), birth))
                .isEqualTo(missed);
    }

    @Test
    void R_WAIT_03_countedMissedYearsOfSomeoneCoveredBeforeIgnoreTheReading() {
        Waiting waiting = neverCoveredSince(2015).parameters().waiting();

        assertThat(WaitingPeriodCalculator.countedMissedYears(waiting, 2025, Set.of(2022), ADULT))
                .isEqualTo(2);
        assertThat(WaitingPeriodCalculator.countedMissedYears(waiting, 2025, Set.of(), null))
                .isZero();
        assertThat(WaitingPeriodCalculator.countedMissedYears(
                        dongzhi.parameters().waiting(), 2025, Set.of(), ADULT))
                .isZero();
    }

    @Test
    void R_WAIT_04_aNeverCoveredAdultMayBackPayTheCountedYearsButNoMore() {
        WaitingPeriodResult result =
                calculator.calculate(neverCoveredSince(2022), input(LocalDate.of(2025, 3, 1), ADULT, null, 3));

        assertThat(result.variableMonths()).isZero();
        assertThat(result.totalMonths()).isEqualTo(3);
        assertThatThrownBy(() ->
                        calculator.calculate(neverCoveredSince(2022), input(LocalDate.of(2025, 3, 1), ADULT, null, 4)))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("backPaidYears"));
    }

    @Test
    void R_WAIT_04_aLongNeverCoveredStretchKeepsTheSixMonthFloor() {
        WaitingPeriodResult result =
                calculator.calculate(neverCoveredSince(2015), input(LocalDate.of(2025, 3, 1), ADULT, null, 10));

        assertThat(result.missedYears()).isEqualTo(10);
        assertThat(result.totalMonths()).isEqualTo(6);
    }

    @Test
    void R_ELIG_03_aNewbornInTheGraceDaysStaysCoveredFromBirthWhateverTheReading() {
        WaitingPeriodResult result = calculator.calculate(
                neverCoveredSince(2015), input(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 2, 1), null, 0));

        assertThat(result.reason()).isEqualTo(WaitingReason.NEWBORN_WITHIN_GRACE_PERIOD);
    }

    // ---- R-ELIG-02: switch from employee insurance (item 6) -------------------------------------------------------

    @Test
    void R_ELIG_02_byDefaultASwitchFromEmployeeInsuranceWaitsAsAnyEnrollmentAndSaysSo() {
        WaitingPeriodResult result = calculator.calculate(
                dongzhi, switching(LocalDate.of(2025, 3, 15), null, LocalDate.of(2025, 1, 31), Set.of(2023, 2024)));

        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD);
        assertThat(result.totalMonths()).isEqualTo(3);
        assertThat(Steps.textOf(result.explanation(), "R-ELIG-02"))
                .contains("like any other enrollment")
                .contains("waiting.employeeSwitch.treatment = AS_ANY_ENROLLMENT (SAMPLE — confirm locally)");
    }

    @Test
    void R_ELIG_02_aSwitchAfterAShortInterruptionHasNoWaitingWhereTheRegionSaysSo() {
        WaitingPeriodResult result = calculator.calculate(
                SWITCH_WAIVED,
                switching(LocalDate.of(2025, 3, 15), null, LocalDate.of(2025, 1, 31), Set.of(2023, 2024, 2025)));

        assertThat(result.reason()).isEqualTo(WaitingReason.EMPLOYEE_SWITCH);
        assertThat(result.exempt()).isTrue();
        assertThat(result.totalMonths()).isZero();
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(Steps.textOf(result.explanation(), "R-ELIG-02"))
                .contains("within 3 month(s), by 2025-04-30")
                .contains("insured 2 consecutive full year(s)")
                .contains("no waiting period");
    }

    @ParameterizedTest(name = "paid {0}: waived {1}")
    @CsvSource({"2025-04-30, true", "2025-05-01, false", "2024-12-20, true"})
    void R_ELIG_02_theInterruptionIsCountedFromTheEmployeePeriodsLastDay(LocalDate paid, boolean waived) {
        WaitingPeriodResult result = calculator.calculate(
                SWITCH_WAIVED, switching(paid, null, LocalDate.of(2025, 1, 31), Set.of(2023, 2024)));

        assertThat(result.reason() == WaitingReason.EMPLOYEE_SWITCH).isEqualTo(waived);
        if (!waived) {
            assertThat(Steps.textOf(result.explanation(), "R-ELIG-02")).contains("does not apply");
            assertThat(result.totalMonths()).isEqualTo(3);
        }
    }

    @Test
    void R_ELIG_02_tooFewInsuredYearsBeforeTheSwitchKeepTheWaitingPeriod() {
        WaitingPeriodResult result = calculator.calculate(
                SWITCH_WAIVED, switching(LocalDate.of(2025, 3, 1), null, LocalDate.of(2025, 1, 31), Set.of(2024)));

        assertThat(result.reason()).isEqualTo(WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD);
        assertThat(Steps.textOf(result.explanation(), "R-ELIG-02")).contains("(fewer than 2)");
    }

    @Test
    void R_ELIG_02_residentAndEmployeeYearsTogetherMakeTheContinuity() {
        WaitingPeriodResult result = calculator.calculate(
                SWITCH_WAIVED,
                switching(LocalDate.of(2025, 2, 1), Set.of(2023), LocalDate.of(2024, 12, 31), Set.of(2024)));

        assertThat(result.reason()).isEqualTo(WaitingReason.EMPLOYEE_SWITCH);
        assertThat(result.benefitStartDate()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void R_ELIG_02_withoutEmployeeInsuranceThereIsNoSwitchStep() {
        WaitingPeriodResult result =
                calculator.calculate(SWITCH_WAIVED, input(LocalDate.of(2025, 3, 1), ADULT, coveredUntil(2024), 0));

        assertThat(result.reason()).isEqualTo(WaitingReason.PAID_OUTSIDE_COLLECTION_PERIOD);
        assertThat(Steps.ruleIds(result.explanation())).doesNotContain("R-ELIG-02");
    }

    @Test
    void R_ELIG_02_anEmployeePeriodReachingTheCoverageEndIsInvalidInput() {
        assertThatThrownBy(() -> calculator.calculate(
                        SWITCH_WAIVED,
                        switching(LocalDate.of(2025, 3, 1), null, LocalDate.of(2025, 12, 31), Set.of(2024))))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("employeeInsuranceEnd"));
    }
}
