package com.yibaoflow.escalation;

import com.yibaoflow.escalation.FundIndicatorRows.RowError;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Uploads;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    /** What the import did: rows read, months recorded, months already on record unchanged, the warnings raised. */
    record Report(String fileName, int rows, int recorded, int unchanged, List<String> warnings) {}

    private record Parsed(int rowNumber, FundIndicatorService.Report report) {}

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
        List<ImportRow> rows = readRows(upload);
        Set<String> visible = regions.visibleRegions(user);
        List<RowError> errors = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        Map<String, Integer> firstRowOf = new HashMap<>();
        int unchanged = 0;
        for (ImportRow row : rows) {
            int before = errors.size();
            FundIndicatorService.Report r = FundIndicatorRows.parse(row, visible, errors);
            if (r == null || errors.size() > before) {
                continue;
            }
            String key = r.regionCode() + "/" + r.month();
            Integer first = firstRowOf.putIfAbsent(key, row.rowNumber());
            if (first != null) {
                errors.add(FundIndicatorRows.error(row, "month", "与第" + first + "行是同一地区同一月份，每月只报送一次"));
                continue;
            }
            Optional<FundIndicator> onRecord = indicators.findByRegionCodeAndMonth(
                    r.regionCode(), r.month().atDay(1));
            if (onRecord.isPresent()) {
                FundIndicator held = onRecord.get();
                if (sameFigures(held, r)) {
                    unchanged++; // the same file again: nothing to do
                } else {
                    errors.add(FundIndicatorRows.error(
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

    /** The file's rows, or 400 naming {@code file} when it is not a table of this schema, too long or empty. */
    private static List<ImportRow> readRows(InputStream upload) {
        List<ImportRow> rows = new ArrayList<>();
        Path file = Uploads.spool(upload);
        try {
            TabularReader.read(file, FundIndicatorRows.FUND_INDICATORS, row -> {
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
        return rows;
    }

    private static boolean sameFigures(FundIndicator held, FundIndicatorService.Report r) {
        return held.income().compareTo(r.income()) == 0
                && held.expenditure().compareTo(r.expenditure()) == 0
                && held.balance().compareTo(r.balance()) == 0;
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
