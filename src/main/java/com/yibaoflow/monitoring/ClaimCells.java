package com.yibaoflow.monitoring;

import com.yibaoflow.shared.id.ResidentIdNumber;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How one cell of a claims file is read (pure functions, no state): the ID number's check character, the day, the
 * amount, the rural flag. They give the answers of V20/V23's SQL functions {@code resident_id_valid},
 * {@code lenient_date} and {@code lenient_amount} on the same inputs ({@code ClaimChecksTests}); {@link ClaimStaging}
 * applies them to every row while the file streams.
 */
final class ClaimCells {

    private ClaimCells() {}

    /** GB 11643 shape and check character, as {@code resident_id_valid} (upper case expected). */
    static boolean residentIdValid(String n) {
        if (n.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            char c = n.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        char last = n.charAt(17);
        if ((last < '0' || last > '9') && last != 'X') {
            return false;
        }
        return ResidentIdNumber.checkCharacter(n) == last;
    }

    /**
     * The day as {@code yyyy-MM-dd}, or null: the spellings of {@code lenient_date} (2025-01-05, 2025/1/5, 2025.1.5,
     * 20250105, 2025年1月5日; separators may mix, as its pattern allows), only real days.
     */
    static String isoDate(String text) {
        String s = text.strip();
        int y;
        int m;
        int d;
        int n = s.length();
        if (n == 8 && digits(s, 0, 8)) {
            y = Integer.parseInt(s, 0, 4, 10);
            m = Integer.parseInt(s, 4, 6, 10);
            d = Integer.parseInt(s, 6, 8, 10);
        } else {
            if (n < 8 || !digits(s, 0, 4) || "-/.年".indexOf(s.charAt(4)) < 0) {
                return null;
            }
            int i = 5;
            int monthEnd = i;
            while (monthEnd < n && monthEnd - i < 3 && isDigit(s.charAt(monthEnd))) {
                monthEnd++;
            }
            if (monthEnd == i || monthEnd - i > 2 || monthEnd >= n || "-/.月".indexOf(s.charAt(monthEnd)) < 0) {
                return null;
            }
            int j = monthEnd + 1;
            int dayEnd = j;
            while (dayEnd < n && dayEnd - j < 3 && isDigit(s.charAt(dayEnd))) {
                dayEnd++;
            }
            if (dayEnd == j || dayEnd - j > 2) {
                return null;
            }
            if (dayEnd != n && !(dayEnd == n - 1 && s.charAt(dayEnd) == '日')) {
                return null;
            }
            y = Integer.parseInt(s, 0, 4, 10);
            m = Integer.parseInt(s, i, monthEnd, 10);
            d = Integer.parseInt(s, j, dayEnd, 10);
        }
        if (y < 1
                || m < 1
                || m > 12
                || d < 1
                || d > java.time.YearMonth.of(y, m).lengthOfMonth()) {
            return null;
        }
        StringBuilder iso = new StringBuilder(10);
        iso.append(y);
        while (iso.length() < 4) {
            iso.insert(0, '0');
        }
        return iso.append(m < 10 ? "-0" : "-")
                .append(m)
                .append(d < 10 ? "-0" : "-")
                .append(d)
                .toString();
    }

    /**
     * The amount at 2 decimals (HALF_UP), or null: the readings of {@code lenient_amount} — thousands separators,
     * ¥/￥ and 元 dropped, then an optional minus, digits, optionally a point and digits.
     */
    static BigDecimal amount(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '，' || c == '¥' || c == '￥' || c == '元') {
                if (s == null) {
                    s = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (s != null) {
                s.append(c);
            }
        }
        String t = (s == null ? text : s.toString()).strip();
        int n = t.length();
        int i = n > 0 && t.charAt(0) == '-' ? 1 : 0;
        int intStart = i;
        while (i < n && isDigit(t.charAt(i))) {
            i++;
        }
        if (i == intStart) {
            return null;
        }
        if (i < n) {
            if (t.charAt(i) != '.') {
                return null;
            }
            int fracStart = ++i;
            while (i < n && isDigit(t.charAt(i))) {
                i++;
            }
            if (i == fracStart || i < n) {
                return null;
            }
        }
        return new BigDecimal(t).setScale(2, RoundingMode.HALF_UP);
    }

    /** 是/否 and their English spellings, as the import has always read them; null for anything else. */
    static Boolean rural(String text) {
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "是", "Y", "YES", "TRUE", "1" -> Boolean.TRUE;
            case "否", "N", "NO", "FALSE", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
