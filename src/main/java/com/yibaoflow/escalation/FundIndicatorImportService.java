package com.yibaoflow.escalation;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Uploads;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-MM-06: the monthly file of fund figures ({@code regionCode, month, income, expenditure, balance}, CSV or .xlsx,
 * English keys or the Chinese headers the bureaus use). All or nothing: every row is checked first and any bad row
 * refuses the whole file (400, each error naming its row and column in Chinese), so nothing is half-imported. A month
 * already on record with the same figures is counted as unchanged, so uploading the same file again doubles nothing;
 * the same month with other figures is a row error (a month is reported once). Each new month is recorded through
 * {@link FundIndicatorService#record}, the one place the warning rule lives.
 */
@Service
class FundIndicatorImportService {

    /** A monthly file has one row per pooling region; far more is not that file. */
    static final int MAX_ROWS = 5000;

    static final TableSchema FUND_INDICATORS = TableSchema.of(
            "fund indicator file",
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

    /** What the import did: rows read, months recorded, months already on record unchanged, the warnings raised. */
    record Report(String fileName, int rows, int recorded, int unchanged, List<String> warnings) {}

    private record Parsed(int rowNumber, FundIndicatorService.Report report) {}

    private static final Pattern MONTH = Pattern.compile("^(\\d{4})\\s*(?:[-/.年]\\s*(\\d{1,2})\\s*月?|(\\d{2}))$");
    private static final Pattern DAY = Pattern.compile("^(\\d{4})-(\\d{2})-01$");

    private final FundIndicatorService service;
    private final FundIndicators indicators;
    private final RegionScope regions;

    FundIndicatorImportService(FundIndicatorService service, FundIndicators indicators, RegionScope regions) {
        this.service = service;
        this.indicators = indicators;
        this.regions = regions;
    }

    @Transactional
    Report importFile(InputStream upload, String fileName, StaffPrincipal user) {
        List<ImportRow> rows = new ArrayList<>();
        Path file = Uploads.spool(upload);
        try {
            TabularReader.read(file, FUND_INDICATORS, row -> {
                if (rows.size() > MAX_ROWS) {
                    throw new NotATableException("文件超过 " + MAX_ROWS + " 行，不是月度基金运行指标文件");
                }
                rows.add(row);
            });
        } catch (NotATableException e) {
            throw DomainException.invalidField("file", e.getMessage());
        } finally {
            Uploads.delete(file);
        }
        if (rows.isEmpty()) {
            throw DomainException.invalidField("file", "文件中没有数据行");
        }
        Set<String> visible = regions.visibleRegions(user);
        List<RowError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        int unchanged = 0;
        for (ImportRow row : rows) {
            int before = errors.size();
            FundIndicatorService.Report r = parse(row, visible, errors);
            if (r == null || errors.size() > before) {
                continue;
            }
            String key = r.regionCode() + "/" + r.month();
            Integer first = firstRowOf.putIfAbsent(key, row.rowNumber());
            if (first != null) {
                errors.add(error(row, "month", "与第" + first + "行是同一地区同一月份，每月只报送一次"));
                continue;
            }
            Optional<FundIndicator> onRecord = indicators.findByRegionCodeAndMonth(
                    r.regionCode(), r.month().atDay(1));
            if (onRecord.isPresent()) {
                FundIndicator held = onRecord.get();
                if (sameFigures(held, r)) {
                    unchanged++; // the same file again: nothing to do
                } else {
                    errors.add(error(
                            row,
                            "month",
                            r.regionCode() + " " + r.month() + " 的基金数据已于此前报送（收入 "
                                    + held.income().toPlainString() + " 元，支出 "
                                    + held.expenditure().toPlainString() + " 元，累计结余 "
                                    + held.balance().toPlainString() + " 元），与本行不一致；每月只报送一次，已报送的数据不能更改"));
                }
                continue;
            }
            parsed.add(new Parsed(row.rowNumber(), r));
        }
        if (!errors.isEmpty()) {
            throw refused(errors);
        }
        List<String> warnings = new ArrayList<>();
        for (Parsed p : parsed) {
            FundIndicator recorded = service.record(p.report(), user.userId());
            if (recorded.warns()) {
                warnings.add(recorded.regionCode() + " " + p.report().month());
            }
        }
        return new Report(fileName, rows.size(), parsed.size(), unchanged, warnings);
    }

    private static boolean sameFigures(FundIndicator held, FundIndicatorService.Report r) {
        return held.income().compareTo(r.income()) == 0
                && held.expenditure().compareTo(r.expenditure()) == 0
                && held.balance().compareTo(r.balance()) == 0;
    }

    /** One row to a month's figures, or {@code null} with its errors added. */
    private static FundIndicatorService.Report parse(ImportRow row, Set<String> visible, List<RowError> errors) {
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

    private static RowError error(ImportRow row, String field, String reason) {
        String column = COLUMN_NAMES.getOrDefault(field, field);
        return new RowError(row.rowNumber(), field, column, "第" + row.rowNumber() + "行「" + column + "」" + reason);
    }

    private static DomainException refused(List<RowError> errors) {
        List<FieldError> fields = errors.stream()
                .map(e -> new FieldError("rows[" + e.rowNumber() + "]." + e.field(), e.reason()))
                .toList();
        String detail = "文件中有 " + errors.size() + " 处错误，未导入任何数据；请改正后重新上传整个文件";
        return new DomainException(
                DomainException.Kind.INVALID, detail, fields, Map.of("rowErrors", List.copyOf(errors)));
    }
}
