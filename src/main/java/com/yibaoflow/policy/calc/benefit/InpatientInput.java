package com.yibaoflow.policy.calc.benefit;

import com.yibaoflow.policy.calc.HardshipCategory;
import java.math.BigDecimal;
import java.util.Set;

/**
 * One inpatient stay and the person's year-to-date figures before it (CNY, at most 2 decimals, never negative).
 *
 * @param totalCost                 required
 * @param policyScopeCost           required, at most {@code totalCost}
 * @param delivery                  null reads as {@link Delivery#NONE}
 * @param complications             delivery with complications/comorbidities (R-BEN-03)
 * @param categories                verified hardship categories (R-BEN-05, R-BEN-06); null = none
 * @param criticalIllnessLimitRaise {@code CriticalIllnessLimitResult.totalRaise()}; null = 0
 * @param basicFundPaidYtd          basic fund paid this coverage year; null = 0
 * @param criticalIllnessBaseYtd    cumulative in-scope amount left after basic, counted toward the critical-illness
 *                                  deductible and segments; null = 0
 * @param criticalIllnessPaidYtd    critical-illness insurance paid this year; null = 0
 * @param assistanceBaseYtd         cumulative in-scope remainder after basic and critical illness; null = 0
 * @param assistancePaidYtd         medical assistance paid this year; null = 0
 */
public record InpatientInput(
        BigDecimal totalCost,
        BigDecimal policyScopeCost,
        Delivery delivery,
        boolean complications,
        Set<HardshipCategory> categories,
        BigDecimal criticalIllnessLimitRaise,
        BigDecimal basicFundPaidYtd,
        BigDecimal criticalIllnessBaseYtd,
        BigDecimal criticalIllnessPaidYtd,
        BigDecimal assistanceBaseYtd,
        BigDecimal assistancePaidYtd) {

    /** A stay without delivery, hardship category or earlier payments this year. */
    public static InpatientInput of(BigDecimal totalCost, BigDecimal policyScopeCost) {
        return new InpatientInput(
                totalCost, policyScopeCost, Delivery.NONE, false, Set.of(), null, null, null, null, null, null);
    }
}
