package com.yibaoflow.policy.calc.benefit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.HardshipCategory;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Payments for one stay (CNY scale 2) and the person's new year-to-date figures, to pass into the next stay.
 * {@code outOfPocket = totalCost − basicFundPayment − criticalIllnessPayment − medicalAssistance −
 * childbirthAllowance}.
 *
 * @param favouredCategory   the category that got the critical-illness favour (R-BEN-06), null if none
 * @param assistanceCategory the category whose assistance applied (R-BEN-05), null if none
 */
public record InpatientResult(
        BigDecimal basicFundPayment,
        BigDecimal criticalIllnessPayment,
        BigDecimal medicalAssistance,
        BigDecimal childbirthAllowance,
        BigDecimal outOfPocket,
        HardshipCategory favouredCategory,
        HardshipCategory assistanceCategory,
        BigDecimal basicFundPaidYtd,
        BigDecimal criticalIllnessBaseYtd,
        BigDecimal criticalIllnessPaidYtd,
        BigDecimal assistanceBaseYtd,
        BigDecimal assistancePaidYtd,
        List<ExplanationStep> explanation) {

    /** Each figure's provenance (issue #17 item 2), keyed by field name, from the explanation ({@link BenefitProvenance}). */
    @JsonProperty("provenance")
    public Map<String, List<FigureSource>> provenance() {
        return BenefitProvenance.of(explanation);
    }
}
