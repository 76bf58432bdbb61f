package com.yibaoflow.policy.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The single money helper of the calculators: CNY amounts are {@link BigDecimal} with scale 2. Rounding happens only
 * where a rule multiplies by a ratio ({@link #times}), always {@link RoundingMode#HALF_UP}; every other operation is
 * exact.
 */
public final class Money {

    public static final int SCALE = 2;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {}

    /**
     * A parameter amount at scale 2. A stored figure finer than one fen is a data error of the parameter set, never
     * silently rounded.
     */
    public static BigDecimal of(BigDecimal amount) {
        try {
            return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalStateException("Money parameter has more than 2 decimal places: " + amount, e);
        }
    }

    /** {@code amount × ratio}, rounded HALF_UP to 2 decimals. */
    public static BigDecimal times(BigDecimal amount, BigDecimal ratio) {
        return round(amount.multiply(ratio));
    }

    /** An exact product or sum of products, rounded HALF_UP to 2 decimals: the only rounding a rule applies. */
    public static BigDecimal round(BigDecimal exact) {
        return exact.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** {@code amount × count}, exact. */
    public static BigDecimal times(BigDecimal amount, int count) {
        return amount.multiply(BigDecimal.valueOf(count)).setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** {@code max(0, amount)} at scale 2. */
    public static BigDecimal positivePart(BigDecimal amount) {
        return amount.signum() > 0 ? amount.setScale(SCALE, RoundingMode.UNNECESSARY) : ZERO;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** "1234.50 CNY" for explanation texts. */
    public static String text(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY).toPlainString() + " CNY";
    }
}
