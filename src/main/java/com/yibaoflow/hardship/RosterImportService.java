package com.yibaoflow.hardship;

import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.problem.DomainException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Department rosters (花名册, issue #5 §1): every upload is a new version of the department's roster for its region,
 * read from the file ({@link RosterFile}) and compared with the previous version; it becomes current, or waits for a
 * supervisor, in the same transaction ({@link RosterAdoption}).
 *
 * <p>Resumable (issue #16 §3), as the claims import: the upload is kept ({@link KeptUploads}) and the import recorded
 * RUNNING ({@link RosterImports}); the version is written in one transaction while this node renews the import's
 * heartbeat, and the transaction's last statement marks the import COMPLETED, only while this node still holds it. A
 * crash leaves no version, only the RUNNING import with its file, which a node's sweep (at start and every
 * {@code yibaoflow.imports.resume-sweep}) takes over once its worker is gone ({@link ImportNode}) and runs again.
 */
@Service
public class RosterImportService {

    private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);

    public static final TableSchema ROSTER = TableSchema.of(
            "部门困难人员花名册",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.required("name", "姓名"),
            ColumnSpec.required("category", "困难类别", "人员类别", "类别", "救助类别", "身份类别"),
            ColumnSpec.required("validFrom", "认定起始日期", "起始日期", "开始日期", "认定日期", "纳入日期"),
            ColumnSpec.optional("validTo", "认定终止日期", "终止日期", "结束日期", "退出日期"),
            ColumnSpec.optional("township", "乡镇", "乡镇（街道）", "所属乡镇"));

    public record Change(String idNumberMasked, String name, String category, String change) {}

    public record Report(
            long versionId,
            int version,
            String department,
            String regionCode,
            LocalDate asOf,
            int rows,
            int accepted,
            int rejected,
            int added,
            int removed,
            int changed,
            int subsidyEntitlements,
            int historyEntries,
            boolean pending,
            String pendingReason,
            List<FieldErrorRow> errors,
            List<Change> changes) {}

    public record FieldErrorRow(int rowNumber, String field, String reason) {}

    /**
     * The import did not end on this node (it is stopping, or another node took the import over): the import stays
     * RUNNING and is run again from its kept file; {@code GET /api/rosters/imports/{id}} follows it.
     */
    public static final class Unfinished extends RuntimeException {
        private final long importId;

        Unfinished(long importId, String why) {
            super("Roster import " + importId + " " + why, null, false, false);
            this.importId = importId;
        }

        public long importId() {
            return importId;
        }
    }

    private final RosterImports imports;
    private final RosterVersions versions;
    private final RosterAdoption adoption;
    private final KeptUploads uploads;
    private final ImportNode node;
    private final TaskExecutor workers;
    private final TransactionTemplate tx;
    private final Clock clock;

    RosterImportService(
            RosterImports imports,
            RosterVersions versions,
            RosterAdoption adoption,
            KeptUploads uploads,
            ImportNode node,
            @Qualifier("importTaskExecutor") TaskExecutor workers,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.imports = imports;
        this.versions = versions;
        this.adoption = adoption;
        this.uploads = uploads;
        this.node = node;
        this.workers = workers;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Reads the upload as the department's new roster version and compares it with the current one. It becomes
     * current at once and its changes are applied, unless it would remove more than the region's share of the
     * current entries (issue #16 §5): then it is kept pending, with its diff, for a supervisor of the department.
     * A file that is not a roster is a 400 naming {@code file}, and nothing is recorded.
     */
    public Report importRoster(
            InputStream upload,
            String fileName,
            Department department,
            String regionCode,
            LocalDate asOf,
            String userId) {
        if (CategoryOwnership.ownedBy(department).isEmpty()) {
            throw DomainException.invalidField(
                    "department",
                    department.groupId()
                            + " keeps no hardship roster (R-SUB-12: civil-affairs, agriculture-rural, veterans-affairs, "
                            + "health-commission, disabled-federation)");
        }
        Path file = uploads.keepTable(upload, "department-roster", ROSTER);
        RosterImports.Work work =
                imports.record(department.groupId(), regionCode, asOf, fileName, userId, clock.instant(), file);
        return run(work, node::keepGoing);
    }

    /** A supervisor of the department confirms a pending version ({@link RosterAdoption#confirm}). */
    @Transactional
    public Report confirm(long versionId, String userId) {
        return adoption.confirm(versionId, userId);
    }

    /** An import's record: RUNNING, COMPLETED (with its version) or FAILED (with why). */
    public Map<String, Object> findImport(long id) {
        return imports.find(id).orElseThrow(() -> DomainException.notFound("Roster import " + id + " not found"));
    }

    /** Takes over the imports left RUNNING without a live worker and runs each again; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${yibaoflow.imports.resume-sweep:30s}",
            fixedDelayString = "${yibaoflow.imports.resume-sweep:30s}")
    public int resumeOrphaned() {
        List<RosterImports.Work> orphaned = imports.takeOverOrphaned();
        for (RosterImports.Work w : orphaned) {
            log.info("Roster import {} is taken over and runs again from its kept file", w.id());
            workers.execute(() -> {
                try {
                    run(w, node::keepGoing);
                } catch (Unfinished e) {
                    // the run has said why (stopped with this node, or taken over)
                } catch (RuntimeException e) {
                    log.info("Roster import {} did not complete here: {}", w.id(), e.getMessage());
                }
            });
        }
        return orphaned.size();
    }

    /**
     * Runs the import whole in one transaction, renewing its heartbeat meanwhile. {@code keepGoing} is asked every
     * {@link RosterFile#STOP_CHECK_ROWS} rows and before the version is adopted; when it says no, the transaction rolls
     * back and the import is released, RUNNING, for the next sweep: what an orderly stop does, and what a crash leaves
     * but the worker.
     */
    Report run(RosterImports.Work work, BooleanSupplier keepGoing) {
        long id = work.id();
        try (ImportNode.Heartbeat beating = node.heartbeat(work.lease())) {
            Report report = tx.execute(status -> load(work, keepGoing));
            uploads.discard(work.file());
            log.info(
                    "Roster import {}: version {}, {} rows, {} rejected",
                    id,
                    report.version(),
                    report.rows(),
                    report.rejected());
            return report;
        } catch (Stopped stopped) {
            node.release(work.lease());
            log.info("Roster import {} stopped; the next start runs it again", id);
            throw new Unfinished(id, "stopped with this node; it runs again at the next start");
        } catch (ImportLease.Lost lost) {
            throw new Unfinished(id, "was taken over by another node"); // rolled back; ImportNode has said so
        } catch (RuntimeException e) {
            String reason = node.fail(work.lease(), work.file(), e, clock.instant())
                    .orElseThrow(() -> new Unfinished(id, "was taken over by another node"));
            log.warn("Roster import {} failed: {}", id, reason);
            throw e;
        }
    }

    private Report load(RosterImports.Work work, BooleanSupplier keepGoing) {
        Department department = Department.byGroupId(work.department()).orElseThrow();
        Long previous = versions.currentId(work.department(), work.regionCode()).orElse(null);
        long versionId = versions.create(
                work.department(), work.regionCode(), work.asOf(), work.fileName(), work.userId(), work.uploadedAt());
        RosterFile.Read read = RosterFile.read(work.file(), versionId, department, versions, keepGoing, () -> {
            throw new Stopped();
        });
        if (!keepGoing.getAsBoolean()) {
            throw new Stopped();
        }
        Report report = adoption.adopt(
                versionId, previous, work.department(), work.regionCode(), work.asOf(), work.userId(), read);
        imports.complete(work.lease(), versionId, clock.instant());
        return report;
    }

    /** Ends a run before its commit (an orderly stop, or a test playing a crash); the import stays RUNNING. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }
}
