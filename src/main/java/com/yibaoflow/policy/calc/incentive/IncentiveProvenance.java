package com.yibaoflow.policy.calc.incentive;

import static com.yibaoflow.policy.calc.FigureProvenance.from;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.Rule;
import java.util.List;
import java.util.Map;

/**
 * The provenance of the critical-illness limit figures (issue #17 item 2), from a
 * {@link CriticalIllnessLimitResult}'s explanation: {@code originalCap} ← {@code benefits.criticalIllness.annualCap};
 * {@code continuityRaise} ← the threshold and raise per continuous year (R-WAIT-06); {@code zeroClaimRaise} ← the raise
 * per zero-claim year (R-WAIT-07); {@code totalRaise}, {@code raisedLimit} ← those, the cap and the raise cap;
 * {@code uncapped} ← {@code benefits.favour.*} (R-BEN-06).
 */
public final class IncentiveProvenance {

    private IncentiveProvenance() {}

    /** Figure field → the parameters it was computed from. */
    public static Map<String, List<FigureSource>> of(List<ExplanationStep> explanation) {
        return FigureProvenance.of(explanation)
                .figure("originalCap", from("benefits.criticalIllness.annualCap"))
                .figure("continuityRaise", from(Rule.R_WAIT_06, "incentives."))
                .figure("zeroClaimRaise", from(Rule.R_WAIT_07, "incentives.raisePerZeroClaimYear"))
                .combined(
                        "totalRaise",
                        List.of("continuityRaise", "zeroClaimRaise", "originalCap"),
                        from(Rule.R_WAIT_07, "incentives.raiseCapRatioOfOriginalCap"))
                .combined("raisedLimit", List.of("totalRaise"))
                .figure("uncapped", from(Rule.R_BEN_06, "benefits.favour."))
                .map();
    }
}
