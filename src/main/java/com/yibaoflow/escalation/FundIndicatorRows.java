package com.yibaoflow.escalation;

import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TableSchema;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * R-MM-06: the columns of the monthly file of fund figures and what one row of it says, checked cell by cell with
 * the reasons a clerk reads in Chinese. Pure: the import ({@link FundIndicatorImportService}) decides what the rows
 * mean together and against the months on record.
 */
final class FundIndicatorRows {

    static final TableSchema FUND_INDICATORS = TableSchema.of(
            "基金运行数据文件",
            ColumnSpec.required("regionCode", "统筹区划", "统筹区划代码", "行政区划代码", "区划代码", "统筹区"),
            ColumnSpec.required("month", "月份", "统计月份", "年月", "所属期"),
            ColumnSpec.required("income", "基金收入", "本月基金收入", "收入", "当月收入"),
            ColumnSpec.required("expenditure", "基金支出", "本月基金支出", "支出", "当月支出"),
            ColumnSpec.required("balance", "累计结余", "基金累计结余", "期末累计结余", "结余"));

    /** The column names a clerk sees in the error list. */
    static final Map<String, String> COLUMN_NAMES = Map.of(
            "regionCode", "统筹区划",
            "month", "月份",
            "income", "基金收入",
            "expenditure", "基金支出",
            "balance", "累计结余");

    /** A bad cell or row: the row number as the file shows it, the column key, the reason in Chinese. */
    record RowError(int rowNumber, String field, String column, String reason) {}

    private static final Pattern MONTH = Pattern.compile("^(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*月?|(\\d{2}))$");
    private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-01$");

    private FundIndicatorRows() {}

    /** One row to a month's figures, or {@code null} with its errors added. */
    static FundIndicatorService.Report parse(ImportRow row, Set<String> visible, List<RowError> errors) {
        if (row.cellProblem() != null) {
            errors.add(error(
                    row, row.cellProblem().column(), "无法读取：" + row.cellProblem().reason()));
            return null;
        }
        String region = row.get("regionCode");
        if (region == null) {
            errors.add(error(row, "regionCode", "未填写"));
        } else if (!visible.contains(region)) {
            errors.add(error(row, "regionCode", "不是您可以报送基金数据的统筹区：" + region));
        }
        YearMonth month = month(row, errors);
        BigDecimal income = amount(row, "income", false, errors);
        BigDecimal expenditure = amount(row, "expenditure", false, errors);
        BigDecimal balance = amount(row, "balance", true, errors);
        if (region == null
                || !visible.contains(region)
                || month == null
                || income == null
                || expenditure == null
                || balance == null) {
            return null;
        }
        return new FundIndicatorService.Report(region, month, income, expenditure, balance);
    }

    /** 2025-03, 2025/3, 2025.3, 2025年3月, 202503, or the first of the month as a date (an Excel date cell). */
    static Optional<YearMonth> parseMonth(String text) {
        String t = text.strip();
        Matcher day = DAY.matcher(t);
        if (day.matches()) {
            t = day.group(1) + "-" + day.group(2);
        }
        Matcher m = MONTH.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int month = Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3));
            return Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** An error of a row's column, its reason prefixed with the row number and column name as the clerk sees them. */
    static RowError error(ImportRow row, String field, String reason) {
        String column = COLUMN_NAMES.getOrDefault(field, field);
        return new RowError(row.rowNumber(), field, column, "第" + row.rowNumber() + "行「" + column + "」" + reason);
    }

    private static YearMonth month(ImportRow row, List<RowError> errors) {
        String text = row.get("month");
        if (text == null) {
            errors.add(error(row, "month", "未填写"));
            return null;
        }
        Optional<YearMonth> month = parseMonth(text);
        if (month.isEmpty()) {
            errors.add(error(row, "month", "不是有效的月份：" + text + "（应填写如 2025-03 或 2025年3月）"));
            return null;
        }
        return month.get();
    }

    /** An amount in yuan, at most two decimals; thousands separators, ¥ and 元 are allowed. */
    private static BigDecimal amount(ImportRow row, String key, boolean mayBeNegative, List<RowError> errors) {
        String text = row.get(key);
        if (text == null) {
            errors.add(error(row, key, "未填写"));
            return null;
        }
        String t = text.replace(",", "")
                .replace("，", "")
                .replace("¥", "")
                .replace("￥", "")
                .replace("元", "")
                .strip();
        BigDecimal value;
        try {
            value = new BigDecimal(t);
        } catch (NumberFormatException e) {
            errors.add(error(row, key, "不是金额：" + text + "（应填写如 1200000.00，单位元）"));
            return null;
        }
        if (value.stripTrailingZeros().scale() > 2) {
            errors.add(error(row, key, "最多两位小数（单位元）：" + text));
            return null;
        }
        if (value.precision() - value.scale() > 14) {
            errors.add(error(row, key, "金额过大：" + text));
            return null;
        }
        if (!mayBeNegative && value.signum() < 0) {
            errors.add(error(row, key, "不能为负数：" + text));
            return null;
        }
        return value.setScale(2);
    }
}
