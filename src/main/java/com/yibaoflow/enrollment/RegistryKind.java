package com.yibaoflow.enrollment;

import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.Values;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A registry extract R-ELIG-02 and the waiting-period rules read ({@link RegistryImportService}), as an
 * {@link ImportKind}: each good row is one idempotent upsert, written in the transaction that records the batch's
 * counters (so a resumed run repeats no row); a row the upsert leaves as it was counts as unchanged.
 */
abstract class RegistryKind implements ImportKind {

    private final String code;
    private final TableSchema schema;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    RegistryKind(String code, TableSchema schema, JdbcTemplate jdbc, Clock clock) {
        this.code = code;
        this.schema = schema;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public TableSchema schema() {
        return schema;
    }

    /** The upsert of one row; its last parameter is the import time. Updates no row when the row is known. */
    abstract String upsert();

    /** The upsert's parameters but the import time, or null when {@code errors} say why the row is left out. */
    abstract Object[] parameters(ImportRow row, List<FieldError> errors);

    @Override
    public Rows open(EnrollmentImports.Work work) {
        return new Rows() {
            final List<Object[]> batch = new ArrayList<>();

            @Override
            public void remember(ImportRow row) {
                // nothing later rows depend on: the upserts make repeats harmless
            }

            @Override
            public boolean add(ImportRow row, Counters counters) {
                List<FieldError> errors = new ArrayList<>();
                Object[] parameters = row.cellProblem() != null ? null : parameters(row, errors);
                if (row.cellProblem() != null) {
                    errors.add(new FieldError(
                            row.cellProblem().column(), row.cellProblem().reason()));
                }
                if (parameters == null) {
                    counters.reject(row.rowNumber(), errors);
                } else {
                    batch.add(parameters);
                }
                return batch.size() >= EnrollmentImportService.BATCH;
            }

            @Override
            public void commit(Counters counters) {
                Timestamp now = Timestamp.from(clock.instant());
                for (Object[] parameters : batch) {
                    Object[] withTime = java.util.Arrays.copyOf(parameters, parameters.length + 1);
                    withTime[parameters.length] = now;
                    if (jdbc.update(upsert(), withTime) > 0) {
                        counters.succeeded();
                    } else {
                        counters.unchanged();
                    }
                }
                discard();
            }

            @Override
            public void discard() {
                batch.clear();
            }

            @Override
            public boolean commitsWithProgress() {
                return true;
            }
        };
    }

    static String idNumber(ImportRow row, List<FieldError> errors) {
        String id = row.get("idNumber");
        if (id == null || !ResidentIdNumber.isValid(id.toUpperCase(Locale.ROOT))) {
            errors.add(new FieldError("idNumber", "不是有效的公民身份号码（校验位不符，GB 11643）"));
            return null;
        }
        return id.toUpperCase(Locale.ROOT);
    }

    static String regionCode(ImportRow row, List<FieldError> errors) {
        String region = row.get("regionCode");
        if (region == null || !region.matches("\\d{6}")) {
            errors.add(new FieldError("regionCode", "不是 6 位行政区划代码：" + region));
            return null;
        }
        return region;
    }

    static Integer year(ImportRow row, List<FieldError> errors) {
        try {
            return Integer.valueOf(
                    row.get("coverageYear").replace("年度", "").replace("年", "").strip());
        } catch (RuntimeException e) {
            errors.add(new FieldError("coverageYear", "不是年份：" + row.get("coverageYear")));
            return null;
        }
    }

    /** The date of {@code field}; null when it is empty (an error if {@code required}) or not a date (an error). */
    static LocalDate date(ImportRow row, String field, List<FieldError> errors, boolean required) {
        String text = row.get(field);
        if (text == null) {
            if (required) {
                errors.add(new FieldError(field, "未填写"));
            }
            return null;
        }
        try {
            return Values.parseDate(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
            return null;
        }
    }

    static java.sql.Date sqlDate(LocalDate date) {
        return date == null ? null : java.sql.Date.valueOf(date);
    }
}
