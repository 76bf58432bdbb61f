package com.yibaoflow.policy.calc.waiting;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link WaitingPeriodCalculator}.
 *
 * @param exempt                 no waiting period applies by rule (newborn in time, exempt group, continuous
 *                               enrollment, first enrollment in the collection period)
 * @param missedYears            consecutive coverage years missed immediately before the coverage year
 * @param benefitStartDate       first day with benefits: the day after the waiting period ends, never before the
 *                               coverage start (R-WAIT-05); the birth date for a newborn covered from birth (R-ELIG-03)
 * @param coveredFromBirth       R-ELIG-03 applies
 * @param benefitsInCoverageYear false when the benefit start falls after the coverage end
 */
public record WaitingPeriodResult(
        boolean exempt,
        WaitingReason reason,
        int fixedMonths,
        int variableMonths,
        int totalMonths,
        int missedYears,
        LocalDate benefitStartDate,
        boolean coveredFromBirth,
        boolean benefitsInCoverageYear,
        List<ExplanationStep> explanation) {

    /**
     * Each figure's provenance (issue #17 item 2), keyed by its field name, derived from the explanation
     * ({@link WaitingProvenance}).
     */
    @JsonProperty("provenance")
    public Map<String, List<FigureSource>> provenance() {
        return WaitingProvenance.of(explanation);
    }
}
