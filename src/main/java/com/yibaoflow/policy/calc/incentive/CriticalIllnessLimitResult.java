package com.yibaoflow.policy.calc.incentive;

import com.yibaoflow.policy.calc.ExplanationStep;
import java.math.BigDecimal;
import java.util.List;

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
        List<ExplanationStep> explanation) {}
