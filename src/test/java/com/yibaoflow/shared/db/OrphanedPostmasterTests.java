package com.yibaoflow.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the application leaves its postmaster running on the data directory; the next start stops that
 * orphan and comes up on the first try, with everything the killed run committed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphanedPostmasterTests {

    @TempDir
    Path work;

    private Process child;
    private long orphanPid;
    private EmbeddedPostgresServer restarted;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (restarted != null) {
            restarted.close();
        }
        if (orphanPid > 0) {
            ProcessHandle.of(orphanPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void restartAfterKillMinus9ComesUpOnTheFirstTryWithTheCommittedData() throws Exception {
        Path dataDirectory = work.resolve("postgres");
        Path output = work.resolve("child.log");
        child = ChildProcesses.start(PersistentServerChild.class, output, dataDirectory.toString());
        ChildProcesses.awaitLine(child, output, "READY", Duration.ofSeconds(30));
        orphanPid = ChildProcesses.postmasterPid(dataDirectory);

        child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the postmaster stays
        child.waitFor(10, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        long started = System.nanoTime();
        restarted = EmbeddedPostgresServer.start(dataDirectory.toString());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(25));
        assertThat(ChildProcesses.exits(orphanPid, Duration.ZERO)).isTrue();
        assertThat(ChildProcesses.postmasterPid(dataDirectory)).isNotEqualTo(orphanPid);
        try (Connection c = DriverManager.getConnection(restarted.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v from acknowledged where id = 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("已确认缴费");
        }
    }
}
