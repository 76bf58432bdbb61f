package com.yibaoflow.policy.calc.benefit;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import java.math.BigDecimal;
import java.util.Set;

/** A validated {@link InpatientInput}: every amount present at scale 2, defaults applied. */
record Stay(
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

    static Stay of(InpatientInput input) {
        Inputs.required(input, "input");
        BigDecimal total = Inputs.amount(input.totalCost(), "totalCost");
        BigDecimal scope = Inputs.amount(input.policyScopeCost(), "policyScopeCost");
        if (scope.compareTo(total) > 0) {
            throw new InvalidCalculationInputException(
                    "policyScopeCost",
                    "must not exceed totalCost " + total.toPlainString() + ", was " + scope.toPlainString());
        }
        return new Stay(
                total,
                scope,
                input.delivery() == null ? Delivery.NONE : input.delivery(),
                input.complications(),
                Inputs.optionalSet(input.categories(), "categories"),
                Inputs.optionalAmount(input.criticalIllnessLimitRaise(), "criticalIllnessLimitRaise"),
                Inputs.optionalAmount(input.basicFundPaidYtd(), "basicFundPaidYtd"),
                Inputs.optionalAmount(input.criticalIllnessBaseYtd(), "criticalIllnessBaseYtd"),
                Inputs.optionalAmount(input.criticalIllnessPaidYtd(), "criticalIllnessPaidYtd"),
                Inputs.optionalAmount(input.assistanceBaseYtd(), "assistanceBaseYtd"),
                Inputs.optionalAmount(input.assistancePaidYtd(), "assistancePaidYtd"));
    }

    boolean fixedChildbirthAllowance() {
        return delivery != Delivery.NONE && !complications;
    }
}
