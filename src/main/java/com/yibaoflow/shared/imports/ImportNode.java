package com.yibaoflow.shared.imports;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * This node as the worker of resumable imports (issue #16 §3), whatever table records them. An import table has
 * {@code status} ('RUNNING' while unfinished), {@code file_path} (its {@link KeptUploads kept file}), {@code worker}
 * and {@code heartbeat_at}: the worker renews the heartbeat while it runs (at every committed batch, or
 * {@link #heartbeat} for a run that is one transaction), an orderly stop {@link #release releases} the import, and a
 * node's sweep {@link #takeOver takes over} the imports whose worker is gone. Heartbeats are the database's time, not
 * the application clock (which a demo may set), so every node agrees.
 */
@Component
public class ImportNode {

    private static final Logger log = LoggerFactory.getLogger(ImportNode.class);

    /** This node's name in the imports' {@code worker} column. */
    private final String worker = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID();

    private final JdbcTemplate jdbc;
    private final Duration lease;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-heartbeat");
        t.setDaemon(true);
        return t;
    });

    private volatile boolean stopping;

    ImportNode(JdbcTemplate jdbc, @Value("${yibaoflow.imports.lease:60s}") Duration lease) {
        this.jdbc = jdbc;
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

    @PreDestroy
    void stopHeartbeats() {
        heartbeats.shutdownNow();
    }

    /**
     * Takes over the RUNNING imports of {@code table} no worker looks after: released by an orderly stop, or whose
     * worker has not reported for {@code yibaoflow.imports.lease} (its node is gone). Each is claimed by one node only
     * (the update decides); {@code columns} are returned for {@code mapper}. None while this node is stopping.
     */
    public <T> List<T> takeOver(String table, String columns, RowMapper<T> mapper) {
        if (stopping) {
            return List.of();
        }
        return jdbc.query("""
                update %1$s set worker = ?, heartbeat_at = now()
                where id in (select id from %1$s
                             where status = 'RUNNING' and file_path is not null
                               and (worker is null or heartbeat_at < now() - make_interval(secs => ?))
                             for update skip locked)
                returning %2$s""".formatted(table, columns), mapper, worker, (double) lease.toSeconds());
    }

    /** An orderly stop: the import stays RUNNING, released for the next node or start to resume at once. */
    public void release(String table, long id) {
        jdbc.update("update " + table + " set worker = null where id = ? and status = 'RUNNING'", id);
    }

    /**
     * Renews the heartbeat of this node's import every quarter lease, in short transactions of its own beside the
     * import's, until the returned handle is closed: for a run that commits once at its end.
     */
    public Heartbeat heartbeat(String table, long id) {
        String beat =
                "update " + table + " set heartbeat_at = now() where id = ? and worker = ? and status = 'RUNNING'";
        long every = Math.max(lease.toMillis() / 4, 1);
        ScheduledFuture<?> future = heartbeats.scheduleWithFixedDelay(
                () -> {
                    try {
                        jdbc.update(beat, id, worker);
                    } catch (RuntimeException e) {
                        log.warn("Import {} of {}: heartbeat failed: {}", id, table, e.getMessage());
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
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
