package com.yibaoflow.policy.calc.burden;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import java.math.BigDecimal;
import java.util.List;

/**
 * Result of {@link BurdenCalculator}, amounts CNY scale 2; exactly one of {@code amountOverLine},
 * {@code amountBelowLine} is positive unless the burden equals the line (then both are 0 and the status is WARNING).
 */
public record BurdenResult(
        PopulationGroup populationGroup,
        BigDecimal outOfPocketYtd,
        BigDecimal warningLine,
        BurdenStatus status,
        BigDecimal amountOverLine,
        BigDecimal amountBelowLine,
        List<ExplanationStep> explanation) {}
