package com.yibaoflow.monitoring;

import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.problem.DomainException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims from the settlement system (issue #19 §1). The upload is kept ({@link KeptUploads}) and recorded RUNNING
 * with the parameters it runs with; then, in one transaction, the file is streamed row by row (constant memory), each
 * cell parsed once ({@link ClaimStaging}) and COPYed typed into a temporary table, the rules between cells and rows
 * are checked there set-based (every failed check a row error), and the good rows are upserted into {@code claim} on
 * the claim id: a claim already held with other figures is replaced and counted as corrected, one held with the same
 * figures is unchanged (a repeated file doubles nothing). The transaction's last statement marks the import
 * COMPLETED, only while this node still holds it.
 *
 * <p>Resumable (as the enrollment imports, through {@link ImportNode}): the worker renews the import's heartbeat while
 * it runs; a crash rolls the whole transaction back (no claim and no row error of the import is left), the import
 * stays RUNNING with its kept file, and at start and every {@code yibaoflow.imports.resume-sweep} a node takes over
 * the imports whose worker has not reported for {@code yibaoflow.imports.lease} (or was released by an orderly stop)
 * and runs them again. A run that was taken over meanwhile (a late heartbeat) cannot complete: its transaction rolls
 * back, and it leaves the import and its file to the run that took over.
 */
@Service
class ClaimImportService {

    private static final Logger log = LoggerFactory.getLogger(ClaimImportService.class);

    record RowError(int rowNumber, String field, String reason) {}

    record Report(
            long importId,
            String fileName,
            String status,
            String failure,
            int rows,
            int accepted,
            int rejected,
            int inserted,
            int corrected,
            int unchanged,
            Long durationMs,
            int errorCount,
            List<RowError> errors) {}

    /** What a worker needs to (re)run an import: its lease, kept file and parameters. */
    record Work(ImportLease lease, Path file, Set<String> regions, LocalDate asOf) {

        long id() {
            return lease.id();
        }
    }

    private final ClaimImportRecords records;
    private final ClaimLoad loads;
    private final TransactionTemplate tx;
    private final KeptUploads uploads;
    private final TaskExecutor workers;
    private final ImportNode node;
    private final Clock clock;

    ClaimImportService(
            ClaimImportRecords records,
            ClaimLoad loads,
            PlatformTransactionManager transactionManager,
            KeptUploads uploads,
            @Qualifier("importTaskExecutor") TaskExecutor workers,
            ImportNode node,
            Clock clock) {
        this.records = records;
        this.loads = loads;
        this.tx = new TransactionTemplate(transactionManager);
        this.uploads = uploads;
        this.workers = workers;
        this.node = node;
        this.clock = clock;
    }

    /**
     * Keeps the upload, checks that it is a claims file (a 400 naming {@code file} otherwise, and nothing is
     * recorded), records the import and runs it in this thread. {@code regions} are the region codes the uploader
     * may load claims for.
     */
    public Report importClaims(InputStream upload, String fileName, Set<String> regions, String userId) {
        Path file = uploads.keepTable(upload, "claims", ClaimStaging.CLAIMS);
        return run(record(file, fileName, regions, userId), node::keepGoing);
    }

    /** Records a new import of the kept {@code file}, RUNNING on this node, with the parameters it runs with. */
    Work record(Path file, String fileName, Set<String> regions, String userId) {
        return records.record(file, fileName, regions, userId);
    }

    /** Takes over the imports left RUNNING without a live worker and runs each again; returns how many. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${yibaoflow.imports.resume-sweep:30s}",
            fixedDelayString = "${yibaoflow.imports.resume-sweep:30s}")
    public int resumeOrphaned() {
        List<Work> orphaned = records.takeOver();
        for (Work w : orphaned) {
            log.info("Claims import {} is taken over and runs again from its kept file", w.id());
            workers.execute(() -> run(w, node::keepGoing));
        }
        return orphaned.size();
    }

    /**
     * Runs the import whole in one transaction ({@link ClaimLoad}). {@code keepGoing} is asked every {@link
     * ClaimLoad#STOP_CHECK_ROWS} rows and between the phases (staged, checked, upserted); when it says no, the transaction rolls back and the import is
     * released, RUNNING, for the next sweep: what an orderly stop does, and what a crash leaves but the worker.
     */
    Report run(Work work, BooleanSupplier keepGoing) {
        long id = work.id();
        long started = System.nanoTime();
        try (ImportNode.Heartbeat beating = node.heartbeat(work.lease())) {
            int[] counts = tx.execute(status -> loads.load(work, keepGoing, started));
            uploads.discard(work.file());
            log.info(
                    "Claims import {}: {} rows, {} rejected, {} new, {} corrected; committed after {} ms",
                    id,
                    counts[0],
                    counts[1],
                    counts[2],
                    counts[3],
                    (System.nanoTime() - started) / 1_000_000);
        } catch (ClaimLoad.Stopped stopped) {
            node.release(work.lease());
            log.info("Claims import {} stopped ({}); the next start runs it again", id, stopped.getMessage());
        } catch (ImportLease.Lost lost) {
            // rolled back; ImportNode has said so, and the run that took the import over ends it
        } catch (RuntimeException e) {
            Optional<String> reason = node.fail(work.lease(), work.file(), e, clock.instant());
            if (reason.isPresent()) {
                if (e instanceof NotATableException) {
                    throw DomainException.invalidField("file", e.getMessage());
                }
                log.warn("Claims import {} failed: {}", id, reason.get(), e);
                throw e;
            }
        }
        return records.find(id).orElseThrow();
    }

    /** The import's record and its first {@value ClaimImportRecords#MAX_REPORTED_ERRORS} row errors. */
    Optional<Report> find(long id) {
        return records.find(id);
    }
}
