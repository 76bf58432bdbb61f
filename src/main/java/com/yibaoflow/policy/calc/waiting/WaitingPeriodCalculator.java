package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
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

    // which rule applies is decided here; the months and dates are counted by WaitingMonths and BenefitStart, the
    // input checked by WaitingInputs, the employee-switch waiver by EmployeeSwitchWaiver

    public WaitingPeriodResult calculate(PolicySnapshot snapshot, WaitingPeriodInput input) {
        Objects.requireNonNull(snapshot, "snapshot");
        Inputs.required(input, "input");
        Periods periods = snapshot.parameters().periods();
        Waiting waiting = snapshot.parameters().waiting();
        WaitingInputs.validate(snapshot, input);
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
            return BenefitStart.newborn(snapshot, input, daysAfterBirth, explanation);
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
            return BenefitStart.finish(snapshot, input, WaitingReason.EXEMPT_GROUP, 0, 0, 0, explanation);
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
            return BenefitStart.finish(snapshot, input, WaitingReason.EXEMPT_CATEGORY, 0, 0, 0, explanation);
        }
        if (input.employeeInsuranceEnd() != null
                && EmployeeSwitchWaiver.waives(snapshot, input, covered, explanation)) {
            return BenefitStart.finish(snapshot, input, WaitingReason.EMPLOYEE_SWITCH, 0, 0, 0, explanation);
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
                return WaitingMonths.gap(
                        snapshot, input, missedYears, WaitingReason.NEVER_COVERED_SINCE_START_YEAR, explanation);
            }
            return WaitingMonths.firstEnrollment(snapshot, input, inPeriod, explanation);
        }
        if (missedYears == 0) {
            return WaitingMonths.noGap(snapshot, input, inPeriod, explanation);
        }
        return WaitingMonths.gap(snapshot, input, missedYears, WaitingReason.COVERAGE_GAP, explanation);
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
}
