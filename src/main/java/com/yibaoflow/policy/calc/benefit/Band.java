package com.yibaoflow.policy.calc.benefit;

import com.yibaoflow.policy.calc.Money;
import java.math.BigDecimal;

/**
 * The part of a year's cumulative amount that one stay adds above an annual deductible: the interval
 * [{@code from}, {@code to}) measured above the deductible. Shared by the critical-illness and assistance layers,
 * which both count an annual deductible on a cumulative base (R-BEN-02, R-BEN-05).
 */
record Band(BigDecimal from, BigDecimal to) {

    /** The band a stay adding {@code addition} to {@code baseYtd} covers above {@code deductible}. */
    static Band aboveDeductible(BigDecimal baseYtd, BigDecimal addition, BigDecimal deductible) {
        return new Band(
                Money.positivePart(baseYtd.subtract(deductible)),
                Money.positivePart(baseYtd.add(addition).subtract(deductible)));
    }

    BigDecimal width() {
        return to.subtract(from);
    }

    /** The width of this band inside [{@code lower}, {@code upper}); {@code upper} null = unbounded. */
    BigDecimal overlap(BigDecimal lower, BigDecimal upper) {
        BigDecimal start = Money.max(from, lower);
        BigDecimal end = upper == null ? to : Money.min(to, upper);
        return Money.positivePart(end.subtract(start));
    }
}
