package com.yibaoflow.shared.id;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An 18-character resident identity number (公民身份号码) per GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male), and an ISO 7064 MOD 11-2 check character. Only valid numbers can be constructed;
 * {@link #toString()} is masked so a number never reaches a log by accident.
 */
public final class ResidentIdNumber {

    private static final Pattern SHAPE = Pattern.compile("\\d{17}[\\dX]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";

    private final String value;
    private final LocalDate birthDate;

    private ResidentIdNumber(String value, LocalDate birthDate) {
        this.value = value;
        this.birthDate = birthDate;
    }

    /**
     * Parses and validates a number (surrounding blanks ignored, a lower-case x accepted).
     *
     * @throws InvalidResidentIdNumberException with a reason a caseworker can act on
     */
    public static ResidentIdNumber parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidResidentIdNumberException("is required");
        }
        String value = raw.trim().toUpperCase();
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidResidentIdNumberException("must be 17 digits followed by a digit or X");
        }
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(
                    Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidResidentIdNumberException("contains an impossible birth date " + value.substring(6, 14));
        }
        if (birthDate.getYear() < 1900) {
            throw new InvalidResidentIdNumberException("contains a birth year before 1900");
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            throw new InvalidResidentIdNumberException("has a wrong check character (GB 11643)");
        }
        return new ResidentIdNumber(value, birthDate);
    }

    /** True if {@code raw} is a valid number. */
    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidResidentIdNumberException e) {
            return false;
        }
    }

    /** The GB 11643 check character of the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** Masks every digit but the first four and the last four: {@code 3417**********123X}. */
    public static String mask(String value) {
        if (value == null || value.length() <= 8) {
            return "****";
        }
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    public String value() {
        return value;
    }

    public String masked() {
        return mask(value);
    }

    public LocalDate birthDate() {
        return birthDate;
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** The 6-digit administrative division code of the place of first registration. */
    public String addressCode() {
        return value.substring(0, 6);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidentIdNumber other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return masked();
    }

    public enum Sex {
        MALE,
        FEMALE
    }
}
