package com.yibaoflow.monitoring;

import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.imports.ImportRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Turns the rows of a claims file into lines of PostgreSQL {@code COPY} text for the import's temporary table
 * {@code claim_load}, typed: each cell is parsed once here, while the file streams, instead of by SQL functions over
 * staged text (docs/benchmarks.md: the functions cost most of the import). A cell that cannot be read (missing, not a
 * date, not an amount, a wrong ID number) is staged as null and named in the row's {@code problems}; the rules between
 * cells and rows (duplicates, regions, future days, amounts that do not add up) are checked set-based in SQL
 * ({@link ClaimImportService}). The readings are those of V20/V23's {@code lenient_date}, {@code lenient_amount} and
 * {@code resident_id_valid} ({@code ClaimStagingTests}, {@code ClaimChecksTests}).
 */
final class ClaimStaging {

    /** The temporary table of one import's transaction: nothing to delete afterwards, no WAL, no index. */
    static final String CREATE = """
            create temporary table claim_load (
                row_number        int not null,
                claim_id          text,
                id_number         text,
                region_code       text,
                settlement_date   date,
                hospital_level    text,
                total_cost        numeric(14,2),
                policy_scope_cost numeric(14,2),
                basic_paid        numeric(14,2),
                critical_paid     numeric(14,2),
                assistance_paid   numeric(14,2),
                rural             boolean,
                problems          text
            ) on commit drop""";

    static final String COPY = """
            copy claim_load (row_number, claim_id, id_number, region_code, settlement_date, hospital_level,
                total_cost, policy_scope_cost, basic_paid, critical_paid, assistance_paid, rural, problems)
            from stdin""";

    /** Between a problem's field and its reason, and between problems, in {@code claim_load.problems}. */
    static final char UNIT = '\u001F';

    static final char RECORD = '\u001E';

    /** numeric(14,2) holds less than this. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    private final StringBuilder problems = new StringBuilder();

    /** Appends the row as one COPY text line (tab-separated, {@code \N} for null) to {@code out}. */
    void append(StringBuilder out, ImportRow row) {
        problems.setLength(0);
        ImportRow.CellProblem cell = row.cellProblem();
        if (cell != null) {
            problem(cell.column(), cell.reason());
        }
        out.append(row.rowNumber());

        String claimId = row.get("claimId");
        if (claimId == null) {
            problem("claimId", "is required");
        } else if (claimId.length() > 64) {
            problem("claimId", "is longer than 64 characters");
        }
        text(out, claimId);

        String idNumber = row.get("idNumber");
        if (idNumber == null) {
            problem("idNumber", "is required");
        } else {
            idNumber = idNumber.toUpperCase(Locale.ROOT);
            if (!residentIdValid(idNumber)) {
                problem("idNumber", "is not a valid resident ID number (GB 11643)");
                idNumber = null;
            }
        }
        text(out, idNumber);

        String region = row.get("regionCode");
        if (region == null) {
            problem("regionCode", "is required");
        }
        text(out, region);

        String dateText = row.get("settlementDate");
        String day = null;
        if (dateText == null) {
            problem("settlementDate", "is required");
        } else {
            day = isoDate(dateText);
            if (day == null) {
                problem("settlementDate", "is not a date: " + dateText + " (expected e.g. 2025-01-05)");
            }
        }
        text(out, day);

        String level = row.get("hospitalLevel");
        if (level == null) {
            problem("hospitalLevel", "is required");
        } else if (level.length() > 20) {
            problem("hospitalLevel", "is longer than 20 characters");
            level = null;
        }
        text(out, level);

        amount(out, row, "totalCost", true);
        amount(out, row, "policyScopeCost", true);
        amount(out, row, "basicPaid", false);
        amount(out, row, "criticalIllnessPaid", false);
        amount(out, row, "assistancePaid", false);

        String rural = row.get("rural");
        Boolean isRural = null;
        if (rural != null) {
            isRural = rural(rural);
            if (isRural == null) {
                problem("rural", "is neither 是 nor 否: " + rural);
            }
        }
        out.append('\t');
        if (isRural == null) {
            out.append("\\N");
        } else {
            out.append(isRural ? 't' : 'f');
        }

        text(out, problems.isEmpty() ? null : problems);
        out.append('\n');
    }

    private void problem(String field, String reason) {
        if (!problems.isEmpty()) {
            problems.append(RECORD);
        }
        problems.append(field).append(UNIT).append(reason);
    }

    private void amount(StringBuilder out, ImportRow row, String key, boolean required) {
        String text = row.get(key);
        BigDecimal value = null;
        if (text == null) {
            if (required) {
                problem(key, "is required");
            }
        } else {
            value = amount(text);
            if (value == null) {
                problem(key, "is not an amount: " + text);
            } else if (value.abs().compareTo(TOO_LARGE) >= 0) {
                problem(key, "is too large: " + text);
                value = null;
            }
        }
        out.append('\t');
        if (value == null) {
            out.append("\\N");
        } else {
            out.append(value.toPlainString());
        }
    }

    /** A tab, then the value in COPY text escaping ({@code \N} for null). */
    private static void text(StringBuilder out, CharSequence value) {
        out.append('\t');
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

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
