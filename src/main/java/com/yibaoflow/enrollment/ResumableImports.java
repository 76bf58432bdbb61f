package com.yibaoflow.enrollment;

import com.yibaoflow.shared.imports.ImportLease;
import com.yibaoflow.shared.imports.ImportNode;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.shared.imports.TabularReader;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
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
 * Background imports that survive a crash (issue #16 §3). The uploaded file is kept until the import ends; every
 * batch's outcome is committed with its counters, row errors and last row number ({@code committed_row}) and renews
 * the worker's heartbeat; an orderly stop ends a run at a batch boundary and releases the import; at start and every
 * {@code yibaoflow.imports.resume-sweep} each node takes over the imports left RUNNING without a worker
 * ({@link ImportNode}) and resumes each after its last committed row. {@link ImportKind} says what a row does.
 */
@Service
class ResumableImports {

    private static final Logger log = LoggerFactory.getLogger(ResumableImports.class);

    private final Map<String, ImportKind> kinds;
    private final EnrollmentImports imports;
    private final KeptUploads uploads;
    private final TaskExecutor workers;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ImportNode node;

    ResumableImports(
            List<ImportKind> kinds,
            EnrollmentImports imports,
            KeptUploads uploads,
            @Qualifier("importTaskExecutor") TaskExecutor workers,
            PlatformTransactionManager transactionManager,
            Clock clock,
            ImportNode node) {
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(ImportKind::code, Function.identity()));
        this.imports = imports;
        this.uploads = uploads;
        this.workers = workers;
        this.tx = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.node = node;
    }

    /** The parameters of a new import besides its file. */
    record Request(String fileName, String regionCode, Integer coverageYear, String township, String userId) {}

    /**
     * Keeps the upload, checks that it is a file of the kind (its header has the required columns and at least one
     * row follows; a 400 naming {@code file} otherwise, and nothing is recorded), records the import and runs it in
     * the background. Returns the import id.
     */
    long start(ImportKind kind, InputStream upload, Request request) {
        EnrollmentImports.Work work = record(kind, upload, request);
        submit(work);
        return work.id();
    }

    /**
     * As {@link #start}, but runs the import in this thread; returns the import id once the run has ended (COMPLETED,
     * FAILED, or still RUNNING when this node stops meanwhile: the next sweep resumes it).
     */
    long runHere(ImportKind kind, InputStream upload, Request request) {
        EnrollmentImports.Work work = record(kind, upload, request);
        run(work, node::keepGoing);
        return work.id();
    }

    private EnrollmentImports.Work record(ImportKind kind, InputStream upload, Request request) {
        Path file = uploads.keepTable(upload, kind.code().toLowerCase(), kind.schema());
        long id = imports.create(
                kind.code(),
                request.fileName() == null ? "upload" : request.fileName(),
                request.regionCode(),
                request.coverageYear(),
                request.township(),
                file,
                request.userId(),
                node.worker(),
                clock.instant());
        return EnrollmentImports.fresh(
                id,
                kind.code(),
                file,
                request.regionCode(),
                request.coverageYear(),
                request.township(),
                request.userId());
    }

    /** Takes over the imports left RUNNING without a worker and resumes each; returns how many it took over. */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(
            initialDelayString = "${yibaoflow.imports.resume-sweep:30s}",
            fixedDelayString = "${yibaoflow.imports.resume-sweep:30s}")
    public int resumeOrphaned() {
        List<EnrollmentImports.Work> orphaned = imports.claimOrphaned();
        for (EnrollmentImports.Work w : orphaned) {
            log.info(
                    "{} import {} resumes after row {} ({} rows done before)",
                    w.kind(),
                    w.id(),
                    w.committedRow(),
                    w.total());
            submit(w);
        }
        return orphaned.size();
    }

    private void submit(EnrollmentImports.Work work) {
        workers.execute(() -> run(work, node::keepGoing));
    }

    /**
     * Reads the kept file from the row after the last committed one (the rows before it are only remembered) and
     * commits batch by batch while {@code keepGoing} holds, renewing the heartbeat meanwhile. A run that no longer
     * holds the import (taken over after a late heartbeat) stops at its next write, which changes nothing
     * ({@link ImportNode}): the run that holds the import goes on from the last batch committed and ends it.
     */
    void run(EnrollmentImports.Work work, BooleanSupplier keepGoing) {
        long id = work.id();
        ImportKind kind = kinds.get(work.kind());
        ImportKind.Counters counters = new ImportKind.Counters(work, kind.schema());
        ImportKind.Rows rows = kind.open(work);
        int[] lastRow = {work.committedRow()};
        try (ImportNode.Heartbeat beating = node.heartbeat(work.lease())) {
            TabularReader.read(work.file(), kind.schema(), (ImportRow row) -> {
                if (row.rowNumber() <= work.committedRow()) {
                    rows.remember(row);
                    return;
                }
                counters.total++;
                lastRow[0] = row.rowNumber();
                if (rows.add(row, counters) || counters.total % (EnrollmentImportService.BATCH * 5) == 0) {
                    commit(work, rows, counters, lastRow[0]);
                    if (!keepGoing.getAsBoolean()) {
                        throw new Stopped(lastRow[0]);
                    }
                }
            });
            commit(work, rows, counters, lastRow[0]);
            node.complete(work.lease(), clock.instant(), "");
            uploads.discard(work.file());
            log.info(
                    "{} import {}: {} rows, {} succeeded, {} rejected",
                    work.kind(),
                    id,
                    counters.total,
                    counters.succeeded,
                    counters.rejected);
        } catch (Stopped stopped) {
            node.release(work.lease());
            log.info("{} import {} stopped after row {}; the next start resumes it", work.kind(), id, stopped.row);
        } catch (ImportLease.Lost lost) {
            rows.discard(); // ImportNode has said so; the batch's progress is rolled back
        } catch (RuntimeException e) {
            rows.discard();
            node.fail(work.lease(), work.file(), e, clock.instant())
                    .ifPresent(reason -> log.warn(
                            "{} import {} failed after {} rows: {}", work.kind(), id, counters.total, reason, e));
        }
    }

    /**
     * Commits a batch: its rows' outcomes (in the transaction of the counters when the kind allows, otherwise first,
     * once the run is known to still hold the import) and then the counters, row errors and last row, fenced.
     */
    private void commit(EnrollmentImports.Work work, ImportKind.Rows rows, ImportKind.Counters counters, int lastRow) {
        if (!rows.commitsWithProgress()) {
            node.requireHeld(work.lease());
            rows.commit(counters);
        }
        tx.executeWithoutResult(status -> {
            if (rows.commitsWithProgress()) {
                rows.commit(counters);
            }
            imports.progress(work.lease(), counters, lastRow);
        });
        counters.errors.clear();
    }

    /** Ends a run at a batch boundary (an orderly stop); the import stays RUNNING, released. */
    private static final class Stopped extends RuntimeException {
        final int row;

        Stopped(int row) {
            super(null, null, false, false);
            this.row = row;
        }
    }
}
