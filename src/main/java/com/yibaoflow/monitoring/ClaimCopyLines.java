package com.yibaoflow.monitoring;

import com.yibaoflow.shared.imports.ImportRow;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One row of a claims file as one line of {@code COPY} text for {@code claim_load} ({@link ClaimStaging}): each cell
 * parsed once ({@link ClaimCells}); a cell that cannot be read is null and named, with its reason, in the line's
 * {@code problems} column, which the set-based checks turn into row errors ({@link ClaimLoadSql}). One instance per
 * streamed file, not thread-safe: it reuses its problems buffer.
 */
final class ClaimCopyLines {

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
            problem("claimId", "未填写");
        } else if (claimId.length() > 64) {
            problem("claimId", "超过 64 个字符");
        }
        text(out, claimId);

        String idNumber = row.get("idNumber");
        if (idNumber == null) {
            problem("idNumber", "未填写");
        } else {
            idNumber = idNumber.toUpperCase(Locale.ROOT);
            if (!ClaimCells.residentIdValid(idNumber)) {
                problem("idNumber", "不是有效的公民身份号码（校验位不符，GB 11643）");
                idNumber = null;
            }
        }
        text(out, idNumber);

        String region = row.get("regionCode");
        if (region == null) {
            problem("regionCode", "未填写");
        }
        text(out, region);

        String dateText = row.get("settlementDate");
        String day = null;
        if (dateText == null) {
            problem("settlementDate", "未填写");
        } else {
            day = ClaimCells.isoDate(dateText);
            if (day == null) {
                problem("settlementDate", "不是日期：" + dateText + "（应如 2025-01-05）");
            }
        }
        text(out, day);

        String level = row.get("hospitalLevel");
        if (level == null) {
            problem("hospitalLevel", "未填写");
        } else if (level.length() > 20) {
            problem("hospitalLevel", "超过 20 个字符");
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
            isRural = ClaimCells.rural(rural);
            if (isRural == null) {
                problem("rural", "应填写 是 或 否：" + rural);
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
        problems.append(field).append(UNIT).append(ClaimStaging.CLAIMS.reason(field, reason));
    }

    private void amount(StringBuilder out, ImportRow row, String key, boolean required) {
        String text = row.get(key);
        BigDecimal value = null;
        if (text == null) {
            if (required) {
                problem(key, "未填写");
            }
        } else {
            value = ClaimCells.amount(text);
            if (value == null) {
                problem(key, "不是金额：" + text);
            } else if (value.abs().compareTo(TOO_LARGE) >= 0) {
                problem(key, "金额过大：" + text);
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
}
