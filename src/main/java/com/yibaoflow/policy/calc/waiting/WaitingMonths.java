package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;

/**
 * R-WAIT-01..04: the fixed and variable months of a person who is not exempt — a first enrollment, continuous
 * enrollment paid late, or a gap (missed years, back-paid years, the long-gap floor).
 */
final class WaitingMonths {

    private WaitingMonths() {}

    static WaitingPeriodResult firstEnrollment(
            PolicySnapshot snapshot, WaitingPeriodInput input, boolean inPeriod, Explanation explanation) {
        if (inPeriod) {
            explanation.step(
                    Rule.R_WAIT_01,
                    "first enrollment (no earlier coverage year) paid in the collection "
                            + "period: no interrupted coverage, no waiting period.");
            return BenefitStart.finish(
                    snapshot, input, WaitingReason.FIRST_ENROLLMENT_IN_COLLECTION_PERIOD, 0, 0, 0, explanation);
        }
        explanation.step(
                Rule.R_WAIT_01,
                "first enrollment (no earlier coverage year) paid outside the collection "
                        + "period: fixed waiting period only; reading: a person never covered has no interrupted coverage, "
                        + "so no variable months.",
                explanation.param(
                        "waiting.neverCovered.reading",
                        snapshot.parameters().waiting().neverCovered().reading()));
        return BenefitStart.finish(
                snapshot,
                input,
                WaitingReason.FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD,
                fixedMonths(snapshot, explanation),
                0,
                0,
                explanation);
    }

    static WaitingPeriodResult noGap(
            PolicySnapshot snapshot, WaitingPeriodInput input, boolean inPeriod, Explanation explanation) {
        if (inPeriod) {
            explanation.step(
                    Rule.R_WAIT_01,
                    "enrolled in " + (input.coverageYear() - 1) + " and paid in the "
                            + "collection period: continuous enrollment, no waiting period.");
            return BenefitStart.finish(snapshot, input, WaitingReason.CONTINUOUS_ENROLLMENT, 0, 0, 0, explanation);
        }
        explanation.step(
                Rule.R_WAIT_01,
                "enrolled in " + (input.coverageYear() - 1) + " but paid after the "
                        + "collection period: fixed waiting period, no variable months.");
        return BenefitStart.finish(
                snapshot,
                input,
                WaitingReason.PAID_OUTSIDE_COLLECTION_PERIOD,
                fixedMonths(snapshot, explanation),
                0,
                0,
                explanation);
    }

    static WaitingPeriodResult gap(
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
        return BenefitStart.finish(snapshot, input, reason, fixed, variable, missedYears, explanation);
    }

    static int fixedMonths(PolicySnapshot snapshot, Explanation explanation) {
        int fixed = snapshot.parameters().waiting().fixedMonths();
        explanation.step(
                Rule.R_WAIT_02,
                "fixed waiting period " + fixed + " month(s).",
                explanation.param("waiting.fixedMonths", fixed));
        return fixed;
    }
}
