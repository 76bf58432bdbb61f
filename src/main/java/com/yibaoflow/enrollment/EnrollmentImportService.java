package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roster door (issue #4 §1): a township's CSV or .xlsx roster of applicants becomes one case and one process
 * per good row, in the background. A bad row is reported with its row number, field and reason and never stops
 * the good ones; a file that is not a roster at all is refused whole before anything is written. Rows stream
 * through in batches, so 100 000 rows never sit in memory. The file is kept until the import ends and the import
 * resumes after a crash or a restart from its last committed batch (issue #16 §3).
 */
@Service
class EnrollmentImportService {

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
    private final KeptUploads uploads;
    private final TaskExecutor workers;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration lease;
    /** This node's name in {@code enrollment_import.worker}. */
    private final String worker = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();

    private volatile boolean stopping;

    EnrollmentImportService(
            EnrollmentService enrollments,
            EnrollmentImports imports,
            KeptUploads uploads,
            @Qualifier("importTaskExecutor") TaskExecutor workers,
            PlatformTransactionManager transactionManager,
            Clock clock,
            @Value("${yibaoflow.imports.lease:60s}") Duration lease) {
        this.enrollments = enrollments;
        this.imports = imports;
        this.uploads = uploads;
        this.workers = workers;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.lease = lease;
    }

    /**
     * Checks that the upload is a roster (header with the required columns, at least one row; the township applies
     * to rows without a 乡镇 column), keeps the file, records the import and runs it in the background; returns the
     * import id.
     */
    public long start(
            InputStream upload, String fileName, String regionCode, int coverageYear, String township, String userId) {
        enrollments.requireOpenYear(regionCode, coverageYear);
        Path file = uploads.keep(upload, "enrollment-roster");
        try {
            TabularReader.read(file, ROSTER, row -> {
                throw new HeaderOk();
            });
        } catch (HeaderOk ok) {
            // the header is right and there is at least one row
        } catch (NotATableException e) {
            uploads.discard(file);
            throw DomainException.invalidField("file", e.getMessage());
        }
        long id = imports.create(
                fileName == null ? "upload" : fileName,
                regionCode,
                coverageYear,
                township,
                file,
                userId,
                worker,
                clock.instant());
        submit(new EnrollmentImports.Work(id, file, regionCode, coverageYear, township, userId, 0, 0, 0, 0, 0));
        return id;
    }

    /** Signals that the first data row was reached: the header is a roster's. */
    private static final class HeaderOk extends RuntimeException {
        HeaderOk() {
            super(null, null, false, false);
        }
    }

    /**
     * Issue #16 §3: at start and then every {@code yibaoflow.imports.resume-sweep}, takes over the imports left
     * RUNNING without a worker (a crash of this or another node, or an orderly stop) and resumes each from its last
     * committed batch. Returns how many it took over.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${yibaoflow.imports.resume-sweep:30s}",
            fixedDelayString = "${yibaoflow.imports.resume-sweep:30s}")
    public int resumeOrphaned() {
        if (stopping) {
            return 0;
        }
        List<EnrollmentImports.Work> orphaned = imports.claimOrphaned(worker, lease);
        for (EnrollmentImports.Work w : orphaned) {
            log.info(
                    "Enrollment import {} resumes after row {} ({} rows done before)",
                    w.id(),
                    w.committedRow(),
                    w.total());
            submit(w);
        }
        return orphaned.size();
    }

    /** The context closes: running imports stop at their next batch boundary and are released for the next start. */
    @EventListener(ContextClosedEvent.class)
    void stopAtTheNextBatch() {
        stopping = true;
    }

    private void submit(EnrollmentImports.Work work) {
        workers.execute(() -> run(work, () -> !stopping));
    }

    /**
     * Reads the kept file from the row after the last committed one. The rows before it are read again only to know
     * which persons the file already named (a duplicate later in the file is still reported as one). Each batch's
     * cases are committed by the intake, then its counters, row errors and {@code committed_row} in one transaction;
     * should a crash fall between the two, the rows of that batch are read again, and a case this import already
     * created for the person counts as started, not as a conflict: no row is lost or counted twice.
     */
    void run(EnrollmentImports.Work work, BooleanSupplier keepGoing) {
        long id = work.id();
        Progress progress = new Progress(work);
        try {
            TabularReader.read(work.file(), ROSTER, row -> {
                if (row.rowNumber() <= work.committedRow()) {
                    progress.remember(row, work.regionCode(), work.coverageYear(), work.township());
                    return;
                }
                if (progress.add(row, work.regionCode(), work.coverageYear(), work.township(), work.userId())
                        && !keepGoing.getAsBoolean()) {
                    throw new Stopped();
                }
            });
            progress.flush(work.userId());
            imports.finish(id, "COMPLETED", null, clock.instant());
            uploads.discard(work.file());
            log.info(
                    "Enrollment import {}: {} rows, {} started, {} rejected",
                    id,
                    progress.total,
                    progress.started,
                    progress.rejected);
        } catch (Stopped stopped) {
            imports.release(id);
            log.info("Enrollment import {} stopped after row {}; the next start resumes it", id, progress.committedRow);
        } catch (RuntimeException e) {
            progress.discardBatch();
            String reason = e instanceof UncheckedIOException && !Files.exists(work.file())
                    ? "the uploaded file kept for this import is gone ("
                            + work.file().getFileName() + ")"
                    : String.valueOf(e.getMessage());
            imports.finish(id, "FAILED", reason, clock.instant());
            uploads.discard(work.file());
            log.warn("Enrollment import {} failed after {} rows: {}", id, progress.total, reason, e);
        }
    }

    /** Ends a run at a batch boundary (an orderly stop); the import stays RUNNING, released. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    /** Counters, the rows of the current batch, and the ID numbers seen in this file (duplicates within it). */
    private final class Progress {
        final long id;
        int total;
        int processed;
        int started;
        int rejected;
        int committedRow;
        int lastRow;
        final List<ImportRow> batchRows = new ArrayList<>();
        final List<Application> batch = new ArrayList<>();
        final List<EnrollmentImports.RowError> errors = new ArrayList<>();
        final Map<String, Integer> seen = new HashMap<>();

        Progress(EnrollmentImports.Work work) {
            this.id = work.id();
            this.total = work.total();
            this.processed = work.processed();
            this.started = work.started();
            this.rejected = work.rejected();
            this.committedRow = work.committedRow();
            this.lastRow = work.committedRow();
        }

        /** A row committed before a resume: only which person it named matters now. */
        void remember(ImportRow row, String regionCode, int coverageYear, String township) {
            if (parse(row, regionCode, coverageYear, township) instanceof Application a) {
                seen.putIfAbsent(a.idNumber(), row.rowNumber());
            }
        }

        /** Takes a row; true if a batch was committed with it (a boundary where a run may stop). */
        boolean add(ImportRow row, String regionCode, int coverageYear, String township, String userId) {
            total++;
            lastRow = row.rowNumber();
            Object parsed = parse(row, regionCode, coverageYear, township);
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
                return true;
            }
            return false;
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
                    if (o.created() != null
                            || Long.valueOf(id).equals(o.existing().importId())) {
                        // a case this import created before a crash, whose progress was not yet recorded
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
            tx.executeWithoutResult(
                    status -> imports.progress(id, total, processed, started, rejected, errors, lastRow));
            committedRow = lastRow;
            errors.clear();
        }

        /** A failure: the rows of the unfinished batch are not recorded (the import is FAILED with its reason). */
        void discardBatch() {
            batch.clear();
            batchRows.clear();
        }
    }

    /** A row as an application, or the first field error that keeps it out. */
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
}
