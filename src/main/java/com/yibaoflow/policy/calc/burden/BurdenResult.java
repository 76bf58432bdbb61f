package com.yibaoflow.policy.calc.burden;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

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
        List<ExplanationStep> explanation) {

    /** Each figure's provenance (issue #17 item 2), keyed by field name, from the explanation ({@link BurdenProvenance}). */
    @JsonProperty("provenance")
    public Map<String, List<FigureSource>> provenance() {
        return BurdenProvenance.of(explanation);
    }
}
