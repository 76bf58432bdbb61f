package com.yibaoflow.policy.calc.incentive;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.CriticalIllnessFavour;
import com.yibaoflow.policy.calc.PolicyParameters.Incentives;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Critical-illness (大病保险) maximum payment limit after the continuity incentives (R-WAIT-06, R-WAIT-07).
 * Readings:
 * <ul>
 *   <li>R-WAIT-06: "continuous enrollment of 4 full years, then each further continuous year raises the limit":
 *       continuity raise = {@code max(0, continuousYears − continuousYearsThreshold) × raisePerContinuousYear}; the
 *       threshold years themselves raise nothing (4 years → 0, 5 years → one raise).</li>
 *   <li>R-WAIT-07: zero-claim raise = {@code zeroClaimYears × raisePerZeroClaimYear}; both raises together are capped
 *       at {@code raiseCapRatioOfOriginalCap × originalCap} (HALF_UP), e.g. 20 % of 110 000 = 22 000.</li>
 *   <li>R-BEN-06: a person in a favoured category of a region whose favour has {@code noCap} has no critical-illness
 *       cap at all; the figures are still computed and the result says {@code uncapped}.</li>
 * </ul>
 */
public final class CriticalIllnessLimitCalculator {

    public CriticalIllnessLimitResult calculate(PolicySnapshot snapshot, CriticalIllnessLimitInput input) {
        Objects.requireNonNull(snapshot, "snapshot");
        Inputs.required(input, "input");
        int continuousYears = Inputs.nonNegative(input.continuousYears(), "continuousYears");
        int zeroClaimYears = Inputs.nonNegative(input.zeroClaimYears(), "zeroClaimYears");
        Set<HardshipCategory> categories = Inputs.optionalSet(input.categories(), "categories");

        Incentives incentives = snapshot.parameters().incentives();
        BigDecimal originalCap =
                Money.of(snapshot.parameters().benefits().criticalIllness().annualCap());
        Explanation explanation = new Explanation(snapshot);
        explanation.step(
                Rule.R_BEN_02,
                "original critical-illness annual cap " + text(originalCap) + ".",
                explanation.param(
                        "benefits.criticalIllness.annualCap",
                        snapshot.parameters().benefits().criticalIllness().annualCap()));

        int raisingYears = Math.max(0, continuousYears - incentives.continuousYearsThreshold());
        BigDecimal continuityRaise = Money.times(Money.of(incentives.raisePerContinuousYear()), raisingYears);
        explanation.step(
                Rule.R_WAIT_06,
                continuousYears + " continuous year(s); the first "
                        + incentives.continuousYearsThreshold() + " raise nothing, " + raisingYears
                        + " further year(s) × "
                        + text(Money.of(incentives.raisePerContinuousYear())) + " = " + text(continuityRaise) + ".",
                explanation.param("incentives.continuousYearsThreshold", incentives.continuousYearsThreshold()),
                explanation.param("incentives.raisePerContinuousYear", incentives.raisePerContinuousYear()));

        BigDecimal zeroClaimRaise = Money.times(Money.of(incentives.raisePerZeroClaimYear()), zeroClaimYears);
        explanation.step(
                Rule.R_WAIT_07,
                zeroClaimYears + " year(s) without fund reimbursement × "
                        + text(Money.of(incentives.raisePerZeroClaimYear())) + " = " + text(zeroClaimRaise) + ".",
                explanation.param("incentives.raisePerZeroClaimYear", incentives.raisePerZeroClaimYear()));

        BigDecimal raiseCap = Money.times(originalCap, incentives.raiseCapRatioOfOriginalCap());
        BigDecimal uncappedRaise = continuityRaise.add(zeroClaimRaise);
        BigDecimal totalRaise = Money.min(uncappedRaise, raiseCap);
        explanation.step(
                Rule.R_WAIT_07,
                "raises together " + text(uncappedRaise) + ", at most "
                        + incentives.raiseCapRatioOfOriginalCap().toPlainString() + " × " + text(originalCap) + " = "
                        + text(raiseCap) + ": total raise " + text(totalRaise) + ", raised limit "
                        + text(originalCap.add(totalRaise)) + ".",
                explanation.param("incentives.raiseCapRatioOfOriginalCap", incentives.raiseCapRatioOfOriginalCap()));

        boolean uncapped = uncappedFavour(snapshot, categories, explanation);
        return new CriticalIllnessLimitResult(
                originalCap,
                continuityRaise,
                zeroClaimRaise,
                totalRaise,
                originalCap.add(totalRaise),
                uncapped,
                explanation.steps());
    }

    private static boolean uncappedFavour(
            PolicySnapshot snapshot, Set<HardshipCategory> categories, Explanation explanation) {
        CriticalIllnessFavour favour = snapshot.parameters().benefits().favour();
        Optional<HardshipCategory> favoured = categories.stream()
                .filter(favour.categories()::contains)
                .sorted()
                .findFirst();
        if (favoured.isEmpty() || !favour.noCap()) {
            return false;
        }
        explanation.step(
                Rule.R_BEN_06,
                favoured.get() + " is a favoured category without critical-illness cap; the "
                        + "raised limit is informational.",
                explanation.param("benefits.favour.categories", favour.categories()),
                explanation.param("benefits.favour.noCap", favour.noCap()));
        return true;
    }
}
