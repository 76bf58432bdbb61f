package com.yibaoflow.policy.calc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;

/** Shared validation of calculator inputs; every failure is an {@link InvalidCalculationInputException}. */
public final class Inputs {

    private Inputs() {}

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidCalculationInputException(field, "is required");
        }
        return value;
    }

    /** A required non-blank text. */
    public static String text(String value, String field) {
        if (required(value, field).isBlank()) {
            throw new InvalidCalculationInputException(field, "must not be blank");
        }
        return value;
    }

    /** A required non-negative CNY amount with at most 2 decimals, returned at scale 2. */
    public static BigDecimal amount(BigDecimal value, String field) {
        required(value, field);
        if (value.signum() < 0) {
            throw new InvalidCalculationInputException(field, "must not be negative, was " + value.toPlainString());
        }
        try {
            return value.setScale(Money.SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new InvalidCalculationInputException(
                    field, "must have at most 2 decimal places (fen), was " + value.toPlainString());
        }
    }

    /** An optional amount: null reads as 0.00, otherwise as {@link #amount}. */
    public static BigDecimal optionalAmount(BigDecimal value, String field) {
        return value == null ? Money.ZERO : amount(value, field);
    }

    public static int nonNegative(int value, String field) {
        if (value < 0) {
            throw new InvalidCalculationInputException(field, "must not be negative, was " + value);
        }
        return value;
    }

    /** An optional set: null reads as empty; a null element is invalid. */
    public static <T> Set<T> optionalSet(Set<T> values, String field) {
        if (values == null) {
            return Set.of();
        }
        for (T value : values) {
            if (value == null) {
                throw new InvalidCalculationInputException(field, "must not contain null");
            }
        }
        return values;
    }
}
