package com.yibaoflow.policy.calc.incentive;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link CriticalIllnessLimitCalculator}, amounts CNY scale 2. {@code totalRaise} is what
 * {@code InpatientInput.criticalIllnessLimitRaise} takes.
 *
 * @param totalRaise  continuity + zero-claim raise, capped at {@code raiseCapRatioOfOriginalCap × originalCap}
 * @param raisedLimit {@code originalCap + totalRaise}
 * @param uncapped    the person is in a favoured category with no critical-illness cap (R-BEN-06); the raised limit
 *                    is then informational
 */
public record CriticalIllnessLimitResult(
        BigDecimal originalCap,
        BigDecimal continuityRaise,
        BigDecimal zeroClaimRaise,
        BigDecimal totalRaise,
        BigDecimal raisedLimit,
        boolean uncapped,
        List<ExplanationStep> explanation) {

    /** Each figure's provenance (issue #17 item 2), keyed by field name, from the explanation ({@link IncentiveProvenance}). */
    @JsonProperty("provenance")
    public Map<String, List<FigureSource>> provenance() {
        return IncentiveProvenance.of(explanation);
    }
}
