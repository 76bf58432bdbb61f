package com.yibaoflow.monitoring;

import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.problem.DomainException;
import jakarta.annotation.PreDestroy;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * Claims from the settlement system (issue #19 §1). The upload is kept ({@link KeptUploads}) and recorded RUNNING
 * with the parameters it runs with; then, in one transaction, the file is streamed row by row (constant memory), each
 * cell parsed once ({@link ClaimStaging}) and COPYed typed into a temporary table, the rules between cells and rows
 * are checked there set-based (every failed check a row error), and the good rows are upserted into {@code claim} on
 * the claim id: a claim already held with other figures is replaced and counted as corrected, one held with the same
 * figures is unchanged (a repeated file doubles nothing). The transaction's last statement marks the import
 * COMPLETED, only while this node still holds it.
 *
 * <p>Resumable (as the enrollment imports): the worker renews the import's heartbeat while it runs; a crash rolls the
 * whole transaction back (no claim and no row error of the import is left), the import stays RUNNING with its kept
 * file, and at start and every {@code yibaoflow.imports.resume-sweep} a node takes over the imports whose worker has
 * not reported for {@code yibaoflow.imports.lease} (or was released by an orderly stop) and runs them again.
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

    /** What a worker needs to (re)run an import. */
    record Work(long id, Path file, Set<String> regions, LocalDate asOf) {}

    private final ClaimImportRecords records;
    private final ClaimLoad loads;
    private final TransactionTemplate tx;
    private final KeptUploads uploads;
    private final TaskExecutor workers;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "claim-import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;

    ClaimImportService(
            ClaimImportRecords records,
            ClaimLoad loads,
            PlatformTransactionManager transactionManager,
            KeptUploads uploads,
            @Qualifier("importTaskExecutor") TaskExecutor workers,
            @Value("${yibaoflow.imports.lease:60s}") Duration lease) {
        this.records = records;
        this.loads = loads;
        this.tx = new TransactionTemplate(transactionManager);
        this.uploads = uploads;
        this.workers = workers;
        this.lease = lease;
    }

    /**
     * Keeps the upload, checks that it is a claims file (a 400 naming {@code file} otherwise, and nothing is
     * recorded), records the import and runs it in this thread. {@code regions} are the region codes the uploader
     * may load claims for.
     */
    public Report importClaims(InputStream upload, String fileName, Set<String> regions, String userId) {
        Path file = uploads.keepTable(upload, "claims", ClaimStaging.CLAIMS);
        return run(record(file, fileName, regions, userId), () -> !stopping);
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
        if (stopping) {
            return 0;
        }
        List<Work> orphaned = records.takeOrphaned(lease);
        for (Work w : orphaned) {
            log.info("Claims import {} is taken over and runs again from its kept file", w.id());
            workers.execute(() -> run(w, () -> !stopping));
        }
        return orphaned.size();
    }

    /** The context closes: a running import stops at its next check and is released for the next start. */
    @EventListener(ContextClosedEvent.class)
    void stopAtTheNextCheck() {
        stopping = true;
    }

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    /**
     * Runs the import whole in one transaction ({@link ClaimLoad}). {@code keepGoing} is asked every {@link
     * ClaimLoad#STOP_CHECK_ROWS} rows and between the phases (staged, checked, upserted); when it says no, the transaction rolls back and the import is
     * released, RUNNING, for the next sweep: what an orderly stop does, and what a crash leaves but the worker.
     */
    Report run(Work work, BooleanSupplier keepGoing) {
        long id = work.id();
        long started = System.nanoTime();
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(
                () -> records.beat(id), lease.toMillis() / 4, Math.max(lease.toMillis() / 4, 1), TimeUnit.MILLISECONDS);
        try {
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
            records.release(id);
            log.info("Claims import {} stopped ({}); the next start runs it again", id, stopped.getMessage());
        } catch (ClaimLoad.TakenOver e) {
            log.warn("Claims import {} was taken over by another node; this run is rolled back", id);
        } catch (RuntimeException e) {
            String reason = e instanceof UncheckedIOException && !Files.exists(work.file())
                    ? "the uploaded file kept for this import is gone ("
                            + work.file().getFileName() + ")"
                    : String.valueOf(e.getMessage());
            records.fail(id, reason);
            uploads.discard(work.file());
            if (e instanceof NotATableException) {
                throw DomainException.invalidField("file", e.getMessage());
            }
            log.warn("Claims import {} failed: {}", id, reason, e);
            throw e;
        } finally {
            heartbeat.cancel(false);
        }
        return records.find(id).orElseThrow();
    }

    /** The import's record and its first {@value ClaimImportRecords#MAX_REPORTED_ERRORS} row errors. */
    Optional<Report> find(long id) {
        return records.find(id);
    }
}
