package com.yibaoflow.enrollment;

import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Uploads;
import com.yibaoflow.shared.imports.Values;
import com.yibaoflow.shared.problem.DomainException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The external registries R-ELIG-02 reads (issue #4 §3): extracts from the employee insurance system and from
 * other pooling regions, imported as CSV or .xlsx. Re-importing the same rows changes nothing (idempotent); bad rows
 * are reported and skipped; a file that is not such an extract is refused whole, and nothing is written.
 */
@Service
public class RegistryImportService {

    public static final TableSchema EMPLOYEE_INSURANCE = TableSchema.of(
            "employee insurance extract",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.optional("name", "姓名"),
            ColumnSpec.required("validFrom", "参保开始日期", "起始日期", "开始日期", "参保日期"),
            ColumnSpec.optional("validTo", "参保终止日期", "终止日期", "结束日期", "停保日期"),
            ColumnSpec.optional("employer", "单位名称", "参保单位", "参保地区"));

    public static final TableSchema OTHER_REGION = TableSchema.of(
            "other-region enrollment extract",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.optional("name", "姓名"),
            ColumnSpec.required("regionCode", "参保地区代码", "统筹区编码", "统筹地区代码", "行政区划代码"),
            ColumnSpec.required("coverageYear", "参保年度", "年度"));

    /** Issue #17 item 4: coverage before this system, as the provincial platform exports it. */
    public static final TableSchema COVERAGE_HISTORY = TableSchema.of(
            "coverage history extract",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.optional("name", "姓名"),
            ColumnSpec.required("regionCode", "参保地区代码", "统筹区编码", "统筹地区代码", "行政区划代码"),
            ColumnSpec.required("coverageYear", "参保年度", "年度"),
            ColumnSpec.required("scheme", "险种", "险种类型", "参保类型"),
            ColumnSpec.optional("validFrom", "参保开始日期", "起始日期", "开始日期"),
            ColumnSpec.optional("validTo", "参保终止日期", "终止日期", "结束日期"));

    public record RowError(int rowNumber, String field, String reason) {}

    public record Report(int total, int imported, int unchanged, int rejected, List<RowError> errors) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RegistryImportService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Report importEmployeeInsurance(InputStream upload) {
        Timestamp now = Timestamp.from(clock.instant());
        return run(upload, EMPLOYEE_INSURANCE, (row, errors) -> {
            String id = idNumber(row, errors);
            LocalDate from = date(row, "validFrom", errors, true);
            LocalDate to = date(row, "validTo", errors, false);
            if (id == null || from == null || (row.get("validTo") != null && to == null)) {
                return null;
            }
            if (to != null && to.isBefore(from)) {
                errors.add(new RowError(row.rowNumber(), "validTo", "is before validFrom"));
                return null;
            }
            return jdbc.update(
                    """
                    insert into yibao.employee_insurance_record (id_number, name, valid_from, valid_to, employer, imported_at)
                    values (?, ?, ?, ?, ?, ?) on conflict (id_number, valid_from)
                    do update set valid_to = excluded.valid_to, name = excluded.name, employer = excluded.employer
                    where employee_insurance_record.valid_to is distinct from excluded.valid_to""",
                    id,
                    row.get("name"),
                    Date.valueOf(from),
                    to == null ? null : Date.valueOf(to),
                    row.get("employer"),
                    now);
        });
    }

    @Transactional
    public Report importOtherRegionEnrollments(InputStream upload) {
        Timestamp now = Timestamp.from(clock.instant());
        return run(upload, OTHER_REGION, (row, errors) -> {
            String id = idNumber(row, errors);
            String region = regionCode(row, errors);
            Integer year = year(row, errors);
            if (id == null || region == null || year == null) {
                return null;
            }
            return jdbc.update("""
                    insert into yibao.other_region_enrollment (id_number, name, region_code, coverage_year, imported_at)
                    values (?, ?, ?, ?, ?) on conflict do nothing""", id, row.get("name"), region, year, now);
        });
    }

    /**
     * Issue #17 item 4: the years a person was insured before this system (resident or employee scheme), read by
     * the waiting-period and continuity rules (R-WAIT-01/03/06) beside this system's coverage; idempotent.
     */
    @Transactional
    public Report importCoverageHistory(InputStream upload) {
        Timestamp now = Timestamp.from(clock.instant());
        return run(upload, COVERAGE_HISTORY, (row, errors) -> {
            String id = idNumber(row, errors);
            String region = regionCode(row, errors);
            Integer year = year(row, errors);
            String scheme = scheme(row.get("scheme"));
            if (scheme == null) {
                errors.add(new RowError(
                        row.rowNumber(),
                        "scheme",
                        "is not a scheme (居民 / 职工, or RESIDENT / EMPLOYEE): " + row.get("scheme")));
            }
            LocalDate from = date(row, "validFrom", errors, false);
            LocalDate to = date(row, "validTo", errors, false);
            if (id == null
                    || region == null
                    || year == null
                    || scheme == null
                    || (row.get("validFrom") != null && from == null)
                    || (row.get("validTo") != null && to == null)) {
                return null;
            }
            if (from != null && to != null && to.isBefore(from)) {
                errors.add(new RowError(row.rowNumber(), "validTo", "is before validFrom"));
                return null;
            }
            return jdbc.update(
                    """
                    insert into yibao.prior_coverage (id_number, region_code, coverage_year, scheme, valid_from,
                                                      valid_to, imported_at)
                    values (?, ?, ?, ?, ?, ?, ?) on conflict (id_number, coverage_year, scheme, region_code)
                    do update set valid_from = excluded.valid_from, valid_to = excluded.valid_to
                    where prior_coverage.valid_from is distinct from excluded.valid_from
                       or prior_coverage.valid_to is distinct from excluded.valid_to""",
                    id,
                    region,
                    year,
                    scheme,
                    from == null ? null : Date.valueOf(from),
                    to == null ? null : Date.valueOf(to),
                    now);
        });
    }

    static String scheme(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "居民", "城乡居民", "城乡居民医保", "城乡居民基本医疗保险", "居民医保", "RESIDENT" -> "RESIDENT";
            case "职工", "职工医保", "城镇职工", "职工基本医疗保险", "EMPLOYEE" -> "EMPLOYEE";
            default -> null;
        };
    }

    private interface RowWriter {
        /** Rows written (0 = already known), or null when the row was rejected (an error was added). */
        Integer write(ImportRow row, List<RowError> errors);
    }

    private Report run(InputStream upload, TableSchema schema, RowWriter writer) {
        Path file = Uploads.spool(upload);
        List<RowError> errors = new ArrayList<>();
        int[] counts = new int[3];
        try {
            TabularReader.read(file, schema, row -> {
                counts[0]++;
                if (row.cellProblem() != null) {
                    errors.add(new RowError(
                            row.rowNumber(),
                            row.cellProblem().column(),
                            row.cellProblem().reason()));
                    return;
                }
                Integer written = writer.write(row, errors);
                if (written != null) {
                    counts[written > 0 ? 1 : 2]++;
                }
            });
        } catch (NotATableException e) {
            throw DomainException.invalidField("file", e.getMessage());
        } finally {
            Uploads.delete(file);
        }
        return new Report(counts[0], counts[1], counts[2], counts[0] - counts[1] - counts[2], errors);
    }

    private static String idNumber(ImportRow row, List<RowError> errors) {
        String id = row.get("idNumber");
        if (id == null || !ResidentIdNumber.isValid(id.toUpperCase())) {
            errors.add(new RowError(
                    row.rowNumber(), "idNumber", "is not a valid resident ID number (GB 11643 check digit)"));
            return null;
        }
        return id.toUpperCase();
    }

    private static String regionCode(ImportRow row, List<RowError> errors) {
        String region = row.get("regionCode");
        if (region == null || !region.matches("\\d{6}")) {
            errors.add(new RowError(row.rowNumber(), "regionCode", "is not a 6-digit region code: " + region));
            return null;
        }
        return region;
    }

    private static Integer year(ImportRow row, List<RowError> errors) {
        try {
            return Integer.valueOf(
                    row.get("coverageYear").replace("年度", "").replace("年", "").strip());
        } catch (RuntimeException e) {
            errors.add(new RowError(row.rowNumber(), "coverageYear", "is not a year: " + row.get("coverageYear")));
            return null;
        }
    }

    private static LocalDate date(ImportRow row, String field, List<RowError> errors, boolean required) {
        String text = row.get(field);
        if (text == null) {
            if (required) {
                errors.add(new RowError(row.rowNumber(), field, "is required"));
            }
            return null;
        }
        try {
            return Values.parseDate(text);
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row.rowNumber(), field, e.getMessage()));
            return null;
        }
    }
}
