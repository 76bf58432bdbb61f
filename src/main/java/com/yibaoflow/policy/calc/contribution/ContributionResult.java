package com.yibaoflow.policy.calc.contribution;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.ParameterUse;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Result of {@link ContributionCalculator}; all amounts CNY at scale 2. {@code subsidy + personalDue =
 * individualStandard}; {@code centralFiscalShare + localFiscalShare = fiscalSubsidy};
 * {@code provinceShare + cityShare + countyShare = localFiscalShare}.
 *
 * @param appliedCategory the category whose subsidy applies, null if none (R-SUB-09)
 * @param policyVersion   {@code PolicySnapshot.label()}, e.g. "341721/2025 v1"
 */
public record ContributionResult(
        BigDecimal individualStandard,
        HardshipCategory appliedCategory,
        BigDecimal subsidy,
        BigDecimal personalDue,
        BigDecimal fiscalSubsidy,
        BigDecimal centralFiscalShare,
        BigDecimal localFiscalShare,
        BigDecimal provinceShare,
        BigDecimal cityShare,
        BigDecimal countyShare,
        Payer payer,
        String policyVersion,
        List<ExplanationStep> explanation) {

    /**
     * Each figure's provenance (issue #17 item 2), keyed by its field name, derived from the explanation
     * ({@link ContributionProvenance}).
     */
    @JsonProperty("provenance")
    public Map<String, List<FigureSource>> provenance() {
        return ContributionProvenance.of(explanation, appliedCategory == null ? null : appliedCategory.name());
    }

    /**
     * The parameters {@code personalDue} is computed from — the standard and the applied category's subsidy — with
     * their provenance, as the explanation records them.
     */
    public List<ParameterUse> personalDueParameters() {
        String subsidy = appliedCategory == null ? null : "subsidies." + appliedCategory.name();
        return explanation.stream()
                .flatMap(step -> step.parameters().stream())
                .filter(p -> p.path().equals("funding.individualStandard")
                        || p.path().equals(subsidy))
                .distinct()
                .toList();
    }
}
