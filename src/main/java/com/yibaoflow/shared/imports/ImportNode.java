package com.yibaoflow.shared.imports;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * This node as the worker of resumable imports (issue #16 §3), whatever table records them. An import table has
 * {@code status} ('RUNNING' while unfinished), {@code file_path} (its {@link KeptUploads kept file}), {@code worker},
 * {@code heartbeat_at}, {@code lease_generation}, {@code failure} and {@code finished_at}: the worker renews the
 * heartbeat while it runs ({@link #heartbeat}, and at every {@link #renew committed batch}), an orderly stop
 * {@link #release releases} the import, and a node's sweep {@link #takeOver takes over} the imports whose worker is
 * gone. Heartbeats are the database's time, not the application clock (which a demo may set), so every node agrees.
 *
 * <p>Fencing: a takeover bumps the import's lease generation, and a run writes to its import only through this class,
 * only while the generation is still its {@link ImportLease}'s and the import RUNNING. Otherwise it has lost the
 * import ({@link ImportLease.Lost}, logged here in one line): what it was writing rolls back, and it never marks the
 * import COMPLETED or FAILED nor discards its file; the run that took over ends it.
 */
@Component
public class ImportNode {

    private static final Logger log = LoggerFactory.getLogger(ImportNode.class);

    private static final String HELD = " where id = ? and lease_generation = ? and status = 'RUNNING'";

    /** This node's name in the imports' {@code worker} column. */
    private final String worker = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();

    private final JdbcTemplate jdbc;
    private final KeptUploads uploads;
    private final Duration lease;
    /** Spring's scheduler (spring.task.scheduling): its threads stop with the context, after the running tasks. */
    private final TaskScheduler heartbeats;

    private volatile boolean stopping;

    ImportNode(
            JdbcTemplate jdbc,
            KeptUploads uploads,
            TaskScheduler heartbeats,
            @Value("${yibaoflow.imports.lease:60s}") Duration lease) {
        this.heartbeats = heartbeats;
        this.jdbc = jdbc;
        this.uploads = uploads;
        this.lease = lease;
    }

    public String worker() {
        return worker;
    }

    /** False once the context closes: running imports stop at their next batch boundary or check. */
    public boolean keepGoing() {
        return !stopping;
    }

    @EventListener(ContextClosedEvent.class)
    void stopAtTheNextBatch() {
        stopping = true;
    }

    /**
     * Takes over the RUNNING imports of {@code table} no worker looks after: released by an orderly stop, or whose
     * worker has not reported for {@code yibaoflow.imports.lease} (its node is gone, or late). Each is claimed by one
     * node only (the update decides) under a new lease generation, which ends the lease of any run still going on it;
     * {@code columns} (with {@code id}) and {@code lease_generation} are returned for {@code mapper}, which reads the
     * run's lease by {@link ImportLease#of}. None while this node is stopping.
     */
    public <T> List<T> takeOver(String table, String columns, RowMapper<T> mapper) {
        if (stopping) {
            return List.of();
        }
        return jdbc.query("""
                update %1$s set worker = ?, heartbeat_at = now(), lease_generation = lease_generation + 1
                where id in (select id from %1$s
                             where status = 'RUNNING' and file_path is not null
                               and (worker is null or heartbeat_at < now() - make_interval(secs => ?))
                             for update skip locked)
                returning %2$s, lease_generation""".formatted(table, columns), mapper, worker, (double) lease.toSeconds());
    }

    /** An orderly stop: the import stays RUNNING, released for the next node or start to resume at once. */
    public void release(ImportLease held) {
        update(held, "worker = null");
    }

    /**
     * Records a batch of the held import in the caller's transaction: {@code assignments} (e.g. its counters) and a
     * new heartbeat. Throws {@link ImportLease.Lost} when the run no longer holds the import: the caller's transaction
     * rolls back, with the batch's rows.
     */
    public void renew(ImportLease held, String assignments, Object... args) {
        require(held, update(held, assignments + ", heartbeat_at = now()", args));
    }

    /** Throws {@link ImportLease.Lost} unless the run still holds its import: before work that is not undone. */
    public void requireHeld(ImportLease held) {
        require(held, update(held, "heartbeat_at = now()"));
    }

    /**
     * Ends the held import COMPLETED at {@code now} with {@code assignments} (none when empty), its file no longer
     * kept; in the caller's transaction (its last statement, for an import that is one transaction). Throws
     * {@link ImportLease.Lost} when the run no longer holds it. The caller discards the file once this commits.
     */
    public void complete(ImportLease held, Instant now, String assignments, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = Timestamp.from(now);
        System.arraycopy(args, 0, all, 1, args.length);
        String set = "status = 'COMPLETED', failure = null, finished_at = ?, file_path = null, worker = null";
        require(held, update(held, assignments.isEmpty() ? set : set + ", " + assignments, all));
    }

    /**
     * A run failed with {@code e}: the held import ends FAILED at {@code now} with the reason (that its kept
     * {@code file} is gone, when it is) and the file is discarded. Empty when the run no longer holds the import:
     * then nothing changes (the run that holds it ends it; a late run never turns COMPLETED into FAILED).
     */
    public Optional<String> fail(ImportLease held, Path file, RuntimeException e, Instant now) {
        String reason = e instanceof UncheckedIOException && !Files.exists(file)
                ? "the uploaded file kept for this import is gone (" + file.getFileName() + ")"
                : String.valueOf(e.getMessage());
        if (update(
                held,
                "status = 'FAILED', failure = left(?, 1000), finished_at = ?, file_path = null, worker = null",
                reason,
                Timestamp.from(now))) {
            uploads.discard(file);
            return Optional.of(reason);
        }
        lost(held);
        return Optional.empty();
    }

    /**
     * Renews the heartbeat of the held import every quarter lease, in short transactions of its own beside the
     * import's, until the returned handle is closed: for a run that commits once at its end, or whose batches may
     * take longer than the lease on a busy node. A run that has lost the import renews nothing.
     */
    public Heartbeat heartbeat(ImportLease held) {
        Duration every = Duration.ofMillis(Math.max(lease.toMillis() / 4, 1));
        ScheduledFuture<?> future = heartbeats.scheduleWithFixedDelay(
                () -> {
                    try {
                        update(held, "heartbeat_at = now()");
                    } catch (RuntimeException e) {
                        log.warn("Import {} of {}: heartbeat failed: {}", held.id(), held.table(), e.getMessage());
                    }
                },
                Instant.now().plus(every),
                every);
        return () -> future.cancel(false);
    }

    private boolean update(ImportLease held, String assignments, Object... args) {
        Object[] all = new Object[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = held.id();
        all[args.length + 1] = held.generation();
        return jdbc.update("update " + held.table() + " set " + assignments + HELD, all) == 1;
    }

    private static void require(ImportLease held, boolean stillHeld) {
        if (!stillHeld) {
            throw lost(held);
        }
    }

    /** The one line a run that lost its import leaves: it stops here, changing nothing more. */
    private static ImportLease.Lost lost(ImportLease held) {
        ImportLease.Lost lost = new ImportLease.Lost(held);
        log.warn(
                "{}: another run took it over or ended it; this run stops and leaves it to that run",
                lost.getMessage());
        return lost;
    }

    /** The heartbeats of one run; closing it stops them. */
    public interface Heartbeat extends AutoCloseable {
        @Override
        void close();
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
