package com.yibaoflow.escalation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** R-MM-06, pure: how many months of the month's expenditure the balance covers, and whether that is too few. */
final class FundCoverage {

    private FundCoverage() {}

    /** {@code balance / expenditure}, two decimals half up; {@code null} when nothing was spent (no risk to cover). */
    static BigDecimal monthsCovered(BigDecimal balance, BigDecimal expenditure) {
        if (expenditure.signum() == 0) {
            return null;
        }
        return balance.divide(expenditure, 2, RoundingMode.HALF_UP);
    }

    /** A warning when the balance covers fewer months than the region's threshold. */
    static boolean warns(BigDecimal monthsCovered, BigDecimal thresholdMonths) {
        return monthsCovered != null && monthsCovered.compareTo(thresholdMonths) < 0;
    }
}
