package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.time.LocalDate;

/**
 * R-WAIT-05 and R-ELIG-03: when benefits start — from birth for a newborn within the grace days, otherwise the
 * payment date plus the waiting months, never before the coverage start — and the result that says so.
 */
final class BenefitStart {

    private BenefitStart() {}

    static WaitingPeriodResult newborn(
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

    /** R-WAIT-05: benefit start from the payment date, never before the coverage start. */
    static WaitingPeriodResult finish(
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
