package com.yibaoflow.policy.calc.benefit;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.HardshipCategory;
import java.math.BigDecimal;
import java.util.List;

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
        List<ExplanationStep> explanation) {}
