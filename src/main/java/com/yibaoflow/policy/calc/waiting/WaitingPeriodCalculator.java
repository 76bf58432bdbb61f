package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitch;
import com.yibaoflow.policy.calc.PolicyParameters.EmployeeSwitchTreatment;
import com.yibaoflow.policy.calc.PolicyParameters.NeverCovered;
import com.yibaoflow.policy.calc.PolicyParameters.NeverCoveredReading;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.Rule;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Waiting period before benefits start (R-WAIT-01..05, R-ELIG-03). Readings, in the order they are tested:
 * <ol>
 *   <li><b>Newborn</b> (R-ELIG-03): {@code DAYS.between(birthDate, paymentDate) ≤ newbornGraceDays} (day 90 yes,
 *       day 91 no) → covered from birth, no waiting; benefits from the birth date, also for a newborn born in the
 *       previous calendar year ("自出生之日起", issue #17 item 5). This holds whatever the residence. The NEWBORN entry
 *       of {@code exemptGroups} is honoured only within the grace days: a newborn paid later is handled like anyone
 *       enrolling for the first time (next rules), i.e. fixed months only when paid outside the collection period.</li>
 *   <li><b>Exempt groups</b> (R-WAIT-01): another residence listed in {@code exemptGroups} → no waiting; benefits from
 *       the later of payment and coverage start.</li>
 *   <li><b>Exempt categories</b> (R-WAIT-01, issue #17 item 8): a verified hardship category of the person listed in
 *       {@code exemptCategories} → no waiting, whatever the residence.</li>
 *   <li><b>Switch from employee insurance</b> (R-ELIG-02, issue #17 item 6): with the treatment
 *       NO_WAITING_AFTER_SHORT_INTERRUPTION, a payment no later than {@code maxInterruptionMonths} after the
 *       employee period's last day, by a person insured (either scheme) in the {@code minInsuredYears} full years
 *       right before the coverage year → no waiting. With AS_ANY_ENROLLMENT (default) the next rules apply.</li>
 *   <li><b>Collection period</b>: a payment up to {@code collectionEnd} inclusive counts as in the period. A payment
 *       before {@code collectionStart} is allowed only for students (R-REG-03, early payment), no earlier than one
 *       year before the coverage start, and counts as in the period; otherwise it is invalid.</li>
 *   <li><b>Missed years</b>: consecutive coverage years missed immediately before the coverage year (coverageYear−1
 *       back to the last covered year). A person with no covered year at all is a <em>first enrollment</em>, not a
 *       gap (reading FIRST_ENROLLMENT of {@code neverCovered}, the default): no variable months; fixed months only if
 *       paid outside the collection period. With the reading YEARS_SINCE_START_YEAR (issue #17 item 4), a person of
 *       at least {@code adultAge} at the coverage start has missed the years from the later of {@code startYear} and
 *       the year they turned {@code adultAge}; those are a gap like any other (next rules).</li>
 *   <li><b>No gap</b> (R-WAIT-01): covered the year before and paid in the period → exempt, benefits from the
 *       coverage start; paid after the period → fixed months only.</li>
 *   <li><b>Gap</b> (R-WAIT-02..04): fixed months plus variable months = missed years (minus one if
 *       {@code firstMissedYearCounts} is false) × {@code monthsPerGapYear} − back-paid years ×
 *       {@code monthsRemovedPerBackPaidYear}, floored at 0; back-paid years may not exceed missed years. After a gap
 *       of {@code longGapYears} or more, fixed + variable is at least {@code longGapMinimumMonths} (the variable part
 *       is raised).</li>
 *   <li><b>Benefit start</b> (R-WAIT-05): {@code paymentDate.plusMonths(totalMonths)}, never before the coverage
 *       start; after the coverage end means no benefits this coverage year.</li>
 * </ol>
 */
public final class WaitingPeriodCalculator {

    public WaitingPeriodResult calculate(PolicySnapshot snapshot, WaitingPeriodInput input) {
        Objects.requireNonNull(snapshot, "snapshot");
        Inputs.required(input, "input");
        Periods periods = snapshot.parameters().periods();
        Waiting waiting = snapshot.parameters().waiting();
        validate(snapshot, input);
        Set<Integer> covered = Inputs.optionalSet(input.coveredYears(), "coveredYears");
        int missedYears = countedMissedYears(waiting, input.coverageYear(), covered, input.birthDate());
        if (input.backPaidYears() > missedYears) {
            throw new InvalidCalculationInputException(
                    "backPaidYears",
                    "cannot exceed the " + missedYears + " missed coverage year(s), was " + input.backPaidYears());
        }

        Explanation explanation = new Explanation(snapshot);
        explanation.step(
                Rule.R_REG_02,
                "collection period " + periods.collectionStart() + " … "
                        + periods.collectionEnd() + ", coverage period " + periods.coverageStart() + " … "
                        + periods.coverageEnd() + "; paid on " + input.paymentDate() + ".",
                explanation.param("periods.collectionStart", periods.collectionStart()),
                explanation.param("periods.collectionEnd", periods.collectionEnd()),
                explanation.param("periods.coverageStart", periods.coverageStart()),
                explanation.param("periods.coverageEnd", periods.coverageEnd()));

        long daysAfterBirth = ChronoUnit.DAYS.between(input.birthDate(), input.paymentDate());
        if (daysAfterBirth <= waiting.newbornGraceDays()) {
            return newborn(snapshot, input, daysAfterBirth, explanation);
        }
        if (input.residence() == Residence.NEWBORN) {
            explanation.step(
                    Rule.R_ELIG_03,
                    "registered as NEWBORN but paid " + daysAfterBirth + " days after birth, "
                            + "later than the grace period: not covered from birth; treated as a first enrollment.",
                    explanation.param("waiting.newbornGraceDays", waiting.newbornGraceDays()));
        } else if (input.residence() != null && waiting.exemptGroups().contains(input.residence())) {
            explanation.step(
                    Rule.R_WAIT_01,
                    input.residence() + " is a group exempt from waiting periods.",
                    explanation.param("waiting.exemptGroups", waiting.exemptGroups()));
            return finish(snapshot, input, WaitingReason.EXEMPT_GROUP, 0, 0, 0, explanation);
        }
        Set<HardshipCategory> exemptCategories = EnumSet.noneOf(HardshipCategory.class);
        exemptCategories.addAll(Inputs.optionalSet(input.categories(), "categories"));
        exemptCategories.retainAll(waiting.exemptCategories());
        if (!exemptCategories.isEmpty()) {
            explanation.step(
                    Rule.R_WAIT_01,
                    "verified hardship category " + exemptCategories.iterator().next() + " ("
                            + exemptCategories.iterator().next().chineseName()
                            + ") is a group the region exempts from waiting periods.",
                    explanation.param("waiting.exemptCategories", waiting.exemptCategories()));
            return finish(snapshot, input, WaitingReason.EXEMPT_CATEGORY, 0, 0, 0, explanation);
        }
        if (input.employeeInsuranceEnd() != null && employeeSwitch(snapshot, input, covered, explanation)) {
            return finish(snapshot, input, WaitingReason.EMPLOYEE_SWITCH, 0, 0, 0, explanation);
        }

        boolean inPeriod = !input.paymentDate().isAfter(periods.collectionEnd());
        if (input.paymentDate().isBefore(periods.collectionStart())) {
            explanation.step(
                    Rule.R_REG_03,
                    "students may pay before the collection period starts; the early payment "
                            + "counts as paid in the collection period.");
        }
        if (covered.isEmpty()) {
            if (missedYears > 0) {
                NeverCovered never = waiting.neverCovered();
                explanation.step(
                        Rule.R_WAIT_03,
                        "no coverage year on record; the region counts a never-covered adult (" + never.adultAge()
                                + " or older at the coverage start) as having missed every year from "
                                + (input.coverageYear() - missedYears) + " (the later of the start year and the year "
                                + "they turned " + never.adultAge() + "): " + missedYears + " missed year(s).",
                        explanation.param("waiting.neverCovered.reading", never.reading()),
                        explanation.param("waiting.neverCovered.startYear", never.startYear()),
                        explanation.param("waiting.neverCovered.adultAge", never.adultAge()));
                return gap(snapshot, input, missedYears, WaitingReason.NEVER_COVERED_SINCE_START_YEAR, explanation);
            }
            return firstEnrollment(snapshot, input, inPeriod, explanation);
        }
        if (missedYears == 0) {
            return noGap(snapshot, input, inPeriod, explanation);
        }
        return gap(snapshot, input, missedYears, WaitingReason.COVERAGE_GAP, explanation);
    }

    private static void validate(PolicySnapshot snapshot, WaitingPeriodInput input) {
        Periods periods = snapshot.parameters().periods();
        if (input.coverageYear() != snapshot.coverageYear()) {
            throw new InvalidCalculationInputException(
                    "coverageYear",
                    "must be the policy's coverage year " + snapshot.coverageYear() + ", was " + input.coverageYear());
        }
        LocalDate payment = Inputs.required(input.paymentDate(), "paymentDate");
        LocalDate birth = Inputs.required(input.birthDate(), "birthDate");
        LocalDate earliest = earliestPayment(periods, input.residence());
        if (payment.isBefore(earliest) || payment.isAfter(periods.coverageEnd())) {
            throw new InvalidCalculationInputException(
                    "paymentDate", "must be within " + earliest + " … " + periods.coverageEnd() + ", was " + payment);
        }
        if (birth.isAfter(payment)) {
            throw new InvalidCalculationInputException(
                    "birthDate", "must not be after the payment date " + payment + ", was " + birth);
        }
        for (Integer year : Inputs.optionalSet(input.coveredYears(), "coveredYears")) {
            if (year >= input.coverageYear() || year < birth.getYear()) {
                throw new InvalidCalculationInputException(
                        "coveredYears",
                        "must lie between the birth year "
                                + birth.getYear() + " and the year before the coverage year " + input.coverageYear()
                                + ", was " + year);
            }
        }
        Inputs.nonNegative(input.backPaidYears(), "backPaidYears");
        if (input.employeeInsuranceEnd() != null
                && !input.employeeInsuranceEnd().isBefore(periods.coverageEnd())) {
            throw new InvalidCalculationInputException(
                    "employeeInsuranceEnd",
                    "must be before the coverage end " + periods.coverageEnd()
                            + " (an employee period reaching it is double enrollment, R-ELIG-02), was "
                            + input.employeeInsuranceEnd());
        }
        for (Integer year : Inputs.optionalSet(input.employeeInsuredYears(), "employeeInsuredYears")) {
            if (year == null || year > input.coverageYear()) {
                throw new InvalidCalculationInputException(
                        "employeeInsuredYears", "must not lie after the coverage year " + input.coverageYear());
            }
        }
    }

    /**
     * The missed years the waiting period counts (R-WAIT-03): consecutive coverage years missed right before the
     * coverage year; for a person with no covered year, 0 under the reading FIRST_ENROLLMENT, and under
     * YEARS_SINCE_START_YEAR the years from the later of {@code startYear} and the year the person turned
     * {@code adultAge} (0 for a person under {@code adultAge} at the coverage start, or without birth date).
     */
    public static int countedMissedYears(Waiting waiting, int coverageYear, Set<Integer> covered, LocalDate birthDate) {
        if (!covered.isEmpty()) {
            return missedYears(coverageYear, covered);
        }
        NeverCovered never = waiting.neverCovered();
        if (never.reading() != NeverCoveredReading.YEARS_SINCE_START_YEAR || birthDate == null) {
            return 0;
        }
        LocalDate coverageStart = LocalDate.of(coverageYear, 1, 1);
        if (birthDate.plusYears(never.adultAge()).isAfter(coverageStart)) {
            return 0; // not yet an adult at the coverage start
        }
        int from = Math.max(never.startYear(), birthDate.getYear() + never.adultAge());
        return Math.max(0, coverageYear - from);
    }

    /**
     * R-ELIG-02 (issue #17 item 6): whether the region's treatment of a switch from employee insurance waives the
     * waiting period; explains either way.
     */
    private static boolean employeeSwitch(
            PolicySnapshot snapshot, WaitingPeriodInput input, Set<Integer> covered, Explanation explanation) {
        EmployeeSwitch rule = snapshot.parameters().waiting().employeeSwitch();
        LocalDate ended = input.employeeInsuranceEnd();
        if (rule.treatment() == EmployeeSwitchTreatment.AS_ANY_ENROLLMENT) {
            explanation.step(
                    Rule.R_ELIG_02,
                    "switch from employee insurance (ended " + ended + "): the region treats it like any other "
                            + "enrollment; the waiting period follows the rules below.",
                    explanation.param("waiting.employeeSwitch.treatment", rule.treatment()));
            return false;
        }
        Set<Integer> insured = new HashSet<>(covered);
        insured.addAll(Inputs.optionalSet(input.employeeInsuredYears(), "employeeInsuredYears"));
        int consecutive = 0;
        for (int year = input.coverageYear() - 1; insured.contains(year); year--) {
            consecutive++;
        }
        LocalDate latest = ended.plusMonths(rule.maxInterruptionMonths());
        boolean shortInterruption = !input.paymentDate().isAfter(latest);
        boolean continuous = consecutive >= rule.minInsuredYears();
        boolean waived = shortInterruption && continuous;
        explanation.step(
                Rule.R_ELIG_02,
                "switch from employee insurance (ended " + ended + "), paid " + input.paymentDate()
                        + (shortInterruption
                                ? " (within " + rule.maxInterruptionMonths() + " month(s), by " + latest + ")"
                                : " (later than " + rule.maxInterruptionMonths() + " month(s), after " + latest + ")")
                        + ", insured " + consecutive + " consecutive full year(s) before the coverage year"
                        + (continuous ? "" : " (fewer than " + rule.minInsuredYears() + ")")
                        + (waived
                                ? ": no waiting period."
                                : ": the waiver does not apply; the waiting period follows the rules below."),
                explanation.param("waiting.employeeSwitch.treatment", rule.treatment()),
                explanation.param("waiting.employeeSwitch.maxInterruptionMonths", rule.maxInterruptionMonths()),
                explanation.param("waiting.employeeSwitch.minInsuredYears", rule.minInsuredYears()));
        return waived;
    }

    /**
     * R-REG-03, the one rule of early payment (issue #17 item 7): a student may pay from one year before the coverage
     * start, everyone else from the collection start. The payment door refuses earlier payments by this same rule.
     */
    public static LocalDate earliestPayment(Periods periods, Residence residence) {
        return residence == Residence.STUDENT ? periods.coverageStart().minusYears(1) : periods.collectionStart();
    }

    /** Consecutive coverage years missed right before the coverage year; 0 if none covered at all. */
    public static int missedYears(int coverageYear, Set<Integer> covered) {
        if (covered.isEmpty()) {
            return 0;
        }
        int missed = 0;
        for (int year = coverageYear - 1; !covered.contains(year); year--) {
            missed++;
        }
        return missed;
    }

    private static WaitingPeriodResult newborn(
            PolicySnapshot snapshot, WaitingPeriodInput input, long days, Explanation explanation) {
        Waiting waiting = snapshot.parameters().waiting();
        LocalDate coverageStart = snapshot.parameters().periods().coverageStart();
        explanation.step(
                Rule.R_ELIG_03,
                "newborn paid " + days + " days after birth, within the grace period: covered "
                        + "from the date of birth, no waiting period.",
                explanation.param("waiting.newbornGraceDays", waiting.newbornGraceDays()));
        // issue #17 item 5: "自出生之日起" — a newborn of the previous calendar year is covered from the birth date
        LocalDate start = input.birthDate();
        explanation.step(
                Rule.R_WAIT_05,
                "benefits start " + start + " (the date of birth"
                        + (start.isBefore(coverageStart)
                                ? ", before the coverage start " + coverageStart + ": covered from birth)."
                                : ")."));
        return new WaitingPeriodResult(
                true, WaitingReason.NEWBORN_WITHIN_GRACE_PERIOD, 0, 0, 0, 0, start, true, true, explanation.steps());
    }

    private static WaitingPeriodResult firstEnrollment(
            PolicySnapshot snapshot, WaitingPeriodInput input, boolean inPeriod, Explanation explanation) {
        if (inPeriod) {
            explanation.step(
                    Rule.R_WAIT_01,
                    "first enrollment (no earlier coverage year) paid in the collection "
                            + "period: no interrupted coverage, no waiting period.");
            return finish(snapshot, input, WaitingReason.FIRST_ENROLLMENT_IN_COLLECTION_PERIOD, 0, 0, 0, explanation);
        }
        explanation.step(
                Rule.R_WAIT_01,
                "first enrollment (no earlier coverage year) paid outside the collection "
                        + "period: fixed waiting period only; reading: a person never covered has no interrupted coverage, "
                        + "so no variable months.",
                explanation.param(
                        "waiting.neverCovered.reading",
                        snapshot.parameters().waiting().neverCovered().reading()));
        return finish(
                snapshot,
                input,
                WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD,
                fixedMonths(snapshot, explanation),
                0,
                0,
                explanation);
    }

    private static WaitingPeriodResult noGap(
            PolicySnapshot snapshot, WaitingPeriodInput input, boolean inPeriod, Explanation explanation) {
        if (inPeriod) {
            explanation.step(
                    Rule.R_WAIT_01,
                    "enrolled in " + (input.coverageYear() - 1) + " and paid in the "
                            + "collection period: continuous enrollment, no waiting period.");
            return finish(snapshot, input, WaitingReason.CONTINUOUS_ENROLLMENT, 0, 0, 0, explanation);
        }
        explanation.step(
                Rule.R_WAIT_01,
                "enrolled in " + (input.coverageYear() - 1) + " but paid after the "
                        + "collection period: fixed waiting period, no variable months.");
        return finish(
                snapshot,
                input,
                WaitingReason.PAID_OUTSIDE_COLLECTION_PERIOD,
                fixedMonths(snapshot, explanation),
                0,
                0,
                explanation);
    }

    private static WaitingPeriodResult gap(
            PolicySnapshot snapshot,
            WaitingPeriodInput input,
            int missedYears,
            WaitingReason reason,
            Explanation explanation) {
        Waiting waiting = snapshot.parameters().waiting();
        explanation.step(
                Rule.R_WAIT_01,
                (reason == WaitingReason.COVERAGE_GAP ? "coverage interrupted: " : "never covered: ") + missedYears
                        + " consecutive coverage year(s) missed ("
                        + (input.coverageYear() - missedYears) + "–" + (input.coverageYear() - 1)
                        + "): fixed plus variable waiting period.");
        int fixed = fixedMonths(snapshot, explanation);
        int countedYears = waiting.firstMissedYearCounts() ? missedYears : missedYears - 1;
        int gross = countedYears * waiting.monthsPerGapYear();
        explanation.step(
                Rule.R_WAIT_03,
                countedYears + " counted missed year(s) × " + waiting.monthsPerGapYear() + " month(s) = " + gross
                        + " variable month(s).",
                explanation.param("waiting.monthsPerGapYear", waiting.monthsPerGapYear()),
                explanation.param("waiting.firstMissedYearCounts", waiting.firstMissedYearCounts()));
        int variable = gross;
        if (input.backPaidYears() > 0) {
            int removed = input.backPaidYears() * waiting.monthsRemovedPerBackPaidYear();
            variable = Math.max(0, gross - removed);
            explanation.step(
                    Rule.R_WAIT_04,
                    input.backPaidYears() + " back-paid year(s) remove " + removed + " month(s): " + variable
                            + " variable month(s) remain.",
                    explanation.param("waiting.monthsRemovedPerBackPaidYear", waiting.monthsRemovedPerBackPaidYear()));
        }
        if (missedYears >= waiting.longGapYears()) {
            int floored = Math.max(variable, waiting.longGapMinimumMonths() - fixed);
            explanation.step(
                    Rule.R_WAIT_04,
                    "a gap of " + missedYears + " years reaches the long-gap threshold: "
                            + "fixed + variable at least " + waiting.longGapMinimumMonths() + " months"
                            + (floored > variable
                                    ? ", variable raised to " + floored + " month(s)."
                                    : " (already met)."),
                    explanation.param("waiting.longGapYears", waiting.longGapYears()),
                    explanation.param("waiting.longGapMinimumMonths", waiting.longGapMinimumMonths()));
            variable = floored;
        }
        return finish(snapshot, input, reason, fixed, variable, missedYears, explanation);
    }

    private static int fixedMonths(PolicySnapshot snapshot, Explanation explanation) {
        int fixed = snapshot.parameters().waiting().fixedMonths();
        explanation.step(
                Rule.R_WAIT_02,
                "fixed waiting period " + fixed + " month(s).",
                explanation.param("waiting.fixedMonths", fixed));
        return fixed;
    }

    /** R-WAIT-05: benefit start from the payment date, never before the coverage start. */
    private static WaitingPeriodResult finish(
            PolicySnapshot snapshot,
            WaitingPeriodInput input,
            WaitingReason reason,
            int fixed,
            int variable,
            int missedYears,
            Explanation explanation) {
        Periods periods = snapshot.parameters().periods();
        int total = fixed + variable;
        LocalDate end = input.paymentDate().plusMonths(total);
        LocalDate start = end.isBefore(periods.coverageStart()) ? periods.coverageStart() : end;
        explanation.step(
                Rule.R_WAIT_05,
                "waiting period " + total + " month(s) from the payment date "
                        + input.paymentDate() + ": benefits start " + start
                        + (start.equals(end) ? "." : " (never before the coverage start)."));
        boolean inYear = !start.isAfter(periods.coverageEnd());
        if (!inYear) {
            explanation.step(
                    Rule.R_WAIT_05,
                    "the benefit start is after the coverage end " + periods.coverageEnd()
                            + ": no benefits in this coverage year.");
        }
        boolean exempt = reason == WaitingReason.EXEMPT_GROUP
                || reason == WaitingReason.EXEMPT_CATEGORY
                || reason == WaitingReason.EMPLOYEE_SWITCH
                || reason == WaitingReason.CONTINUOUS_ENROLLMENT
                || reason == WaitingReason.FIRST_ENROLLMENT_IN_COLLECTION_PERIOD;
        return new WaitingPeriodResult(
                exempt, reason, fixed, variable, total, missedYears, start, false, inYear, explanation.steps());
    }
}
