package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Uploads;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

/**
 * The roster door (issue #4 §1): a township's CSV or .xlsx roster of applicants becomes one case and one process
 * per good row, in the background. A bad row is reported with its row number, field and reason and never stops
 * the good ones; a file that is not a roster at all is refused whole before anything is written. Rows stream
 * through in batches, so 100 000 rows never sit in memory.
 */
@Service
class EnrollmentImportService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EnrollmentImportService.class);
    static final int BATCH = 200;

    /** The township roster: Chinese headers as townships write them, or the English keys. */
    public static final TableSchema ROSTER = TableSchema.of(
            "township enrollment roster",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.required("name", "姓名"),
            ColumnSpec.optional("residence", "户籍类型", "参保身份", "人员类别", "户籍性质"),
            ColumnSpec.optional("residencePermitNumber", "居住证号码", "居住证号"),
            ColumnSpec.optional("township", "乡镇", "乡镇（街道）", "所属乡镇", "乡镇街道"),
            ColumnSpec.optional("phone", "联系电话", "手机号码", "电话"),
            ColumnSpec.optional("claimedCategories", "困难类别", "资助类别", "特殊人群类别"),
            ColumnSpec.optional("paidBackYears", "补缴年数"));

    private final EnrollmentService enrollments;
    private final EnrollmentImports imports;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "enrollment-import");
        t.setDaemon(true);
        return t;
    });

    EnrollmentImportService(EnrollmentService enrollments, EnrollmentImports imports, Clock clock) {
        this.enrollments = enrollments;
        this.imports = imports;
        this.clock = clock;
    }

    /**
     * Checks that the upload is a roster (the township applies to rows without a 乡镇 column) (header with the required columns), records the import and runs it in
     * the background; returns the import id.
     */
    public long start(
            InputStream upload, String fileName, String regionCode, int coverageYear, String township, String userId) {
        enrollments.requireOpenYear(regionCode, coverageYear);
        Path file = Uploads.spool(upload);
        try {
            TabularReader.read(file, ROSTER, row -> {
                throw new HeaderOk();
            });
        } catch (HeaderOk ok) {
            // the header is right and there is at least one row
        } catch (NotATableException e) {
            Uploads.delete(file);
            throw DomainException.invalidField("file", e.getMessage());
        }
        long id = imports.create(
                fileName == null ? "upload" : fileName, regionCode, coverageYear, userId, clock.instant());
        executor.submit(() -> run(id, file, regionCode, coverageYear, township, userId));
        return id;
    }

    /** Signals that the first data row was reached: the header is a roster's. */
    private static final class HeaderOk extends RuntimeException {
        HeaderOk() {
            super(null, null, false, false);
        }
    }

    void run(long id, Path file, String regionCode, int coverageYear, String township, String userId) {
        Progress progress = new Progress(id);
        try {
            TabularReader.read(file, ROSTER, row -> progress.add(row, regionCode, coverageYear, township, userId));
            progress.flush(userId);
            imports.finish(id, "COMPLETED", null, clock.instant());
            log.info(
                    "Enrollment import {}: {} rows, {} started, {} rejected",
                    id,
                    progress.total,
                    progress.started,
                    progress.rejected);
        } catch (RuntimeException e) {
            progress.flushQuietly();
            imports.finish(id, "FAILED", String.valueOf(e.getMessage()), clock.instant());
            log.warn("Enrollment import {} failed after {} rows: {}", id, progress.total, e.getMessage(), e);
        } finally {
            Uploads.delete(file);
        }
    }

    /** Counters, the rows of the current batch, and the ID numbers seen in this file (duplicates within it). */
    private final class Progress {
        final long id;
        int total;
        int processed;
        int started;
        int rejected;
        final List<ImportRow> batchRows = new ArrayList<>();
        final List<Application> batch = new ArrayList<>();
        final List<EnrollmentImports.RowError> errors = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();

        Progress(long id) {
            this.id = id;
        }

        void add(ImportRow row, String regionCode, int coverageYear, String township, String userId) {
            total++;
            Object parsed = backPaymentChecked(parse(row, regionCode, coverageYear, township));
            if (parsed instanceof FieldError error) {
                reject(row.rowNumber(), error.field(), error.message());
            } else {
                Application a = (Application) parsed;
                Integer earlier = seen.putIfAbsent(a.idNumber(), row.rowNumber());
                if (earlier != null) {
                    reject(row.rowNumber(), "idNumber", "same person as row " + earlier + " of this file");
                } else {
                    batch.add(a);
                    batchRows.add(row);
                }
            }
            if (batch.size() >= BATCH || total % (BATCH * 5) == 0) {
                flush(userId);
            }
        }

        void reject(int rowNumber, String field, String reason) {
            processed++;
            rejected++;
            errors.add(new EnrollmentImports.RowError(rowNumber, field, reason));
        }

        void flush(String userId) {
            if (!batch.isEmpty()) {
                List<EnrollmentService.Outcome> outcomes =
                        enrollments.intakeAll(batch, EnrollmentSource.IMPORT, id, userId);
                for (int i = 0; i < outcomes.size(); i++) {
                    EnrollmentService.Outcome o = outcomes.get(i);
                    if (o.created() != null) {
                        processed++;
                        started++;
                    } else {
                        reject(
                                batchRows.get(i).rowNumber(),
                                "idNumber",
                                "R-ELIG-02: already has a "
                                        + o.existing().status() + " enrollment for "
                                        + o.existing().coverageYear()
                                        + " (case " + o.existing().id() + ", region "
                                        + o.existing().regionCode() + ")");
                    }
                }
                batch.clear();
                batchRows.clear();
            }
            imports.progress(id, total, processed, started, rejected, errors);
            errors.clear();
        }

        void flushQuietly() {
            try {
                batch.clear();
                batchRows.clear();
                imports.progress(id, total, processed, started, rejected, errors);
            } catch (RuntimeException e) {
                log.warn("Enrollment import {}: progress not saved: {}", id, e.getMessage());
            }
        }
    }

    /** A row as an application, or the first field error that keeps it out. */
    /** R-WAIT-04: a back-paid year without a policy version is the row's error, not an incident (issue #17). */
    private Object backPaymentChecked(Object parsed) {
        if (parsed instanceof Application a && a.paidBackYears() > 0) {
            try {
                enrollments.requireBackPaymentVersions(
                        a.regionCode(), a.coverageYear(), a.idNumber(), a.paidBackYears());
            } catch (DomainException e) {
                return new FieldError("paidBackYears", e.getMessage());
            }
        }
        return parsed;
    }

    static Object parse(ImportRow row, String regionCode, int coverageYear, String defaultTownship) {
        if (row.cellProblem() != null) {
            return new FieldError(row.cellProblem().column(), row.cellProblem().reason());
        }
        String township = row.get("township") != null ? row.get("township") : defaultTownship;
        String idNumber =
                row.get("idNumber") == null ? null : row.get("idNumber").toUpperCase();
        String residenceText = row.get("residence");
        Residence residence = residenceText == null ? Residence.LOCAL_HUKOU : ApplicationRules.residence(residenceText);
        if (residence == null) {
            return new FieldError("residence", "is not a residence category: " + residenceText);
        }
        List<String> categories = new ArrayList<>();
        String categoryText = row.get("claimedCategories");
        if (categoryText != null && !categoryText.equals("无") && !categoryText.equals("/")) {
            for (HardshipCategory c : HardshipCategory.values()) {
                // a name such as 一、二级重度残疾人 contains a separator itself
                categoryText = categoryText.replace(c.chineseName(), c.name());
            }
            for (String part : categoryText.split("[,，、;；/]")) {
                if (!part.isBlank()) {
                    categories.add(part.strip());
                }
            }
        }
        Integer paidBack = null;
        if (row.get("paidBackYears") != null) {
            try {
                paidBack = Integer.valueOf(row.get("paidBackYears"));
            } catch (NumberFormatException e) {
                return new FieldError("paidBackYears", "is not a whole number: " + row.get("paidBackYears"));
            }
        }
        List<FieldError> errors = ApplicationRules.check(
                idNumber, row.get("name"), residence, township, row.get("phone"), categories, null, paidBack);
        if (!errors.isEmpty()) {
            return errors.get(0);
        }
        return new Application(
                regionCode,
                coverageYear,
                idNumber,
                row.get("name"),
                residence,
                row.get("residencePermitNumber"),
                township,
                row.get("phone"),
                ApplicationRules.categoryCodes(categories),
                null,
                paidBack == null ? 0 : paidBack);
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }
}
