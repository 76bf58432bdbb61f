package com.yibaoflow.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM (what {@code kill} and a service manager send; Ctrl-C's SIGINT takes the same path) stops the application
 * in order: the engine first, while the database still serves it, then the pool, then the database, cleanly.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GracefulShutdownTests {

    @TempDir
    Path work;

    private Process child;
    private long postmasterPid;

    @AfterEach
    void cleanUp() {
        if (child != null) {
            child.destroyForcibly();
        }
        if (postmasterPid > 0) {
            ProcessHandle.of(postmasterPid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void sigtermStopsTheEngineThenTheDatabaseLast() throws Exception {
        Path dataDirectory = work.resolve("postgres");
        Path output = work.resolve("child.log");
        child = ChildProcesses.start(GracefulShutdownChild.class, output, dataDirectory.toString());
        ChildProcesses.awaitLine(child, output, "READY", Duration.ofSeconds(40));
        postmasterPid = ChildProcesses.postmasterPid(dataDirectory);

        child.destroy(); // SIGTERM

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<String> log = Files.readAllLines(output);
        assertThat(child.exitValue()).as(String.join("\n", log)).isZero();
        int engineStopped = indexOf(log, "ENGINE STOPPED");
        int databaseStopped = indexOf(log, "Embedded PostgreSQL stopped");
        assertThat(engineStopped).as(String.join("\n", log)).isNotNegative();
        assertThat(databaseStopped).as(String.join("\n", log)).isGreaterThan(engineStopped);
        // a clean stop: the postmaster has removed its lock file and exits (it removes the file just before)
        assertThat(dataDirectory.resolve("postmaster.pid")).doesNotExist();
        assertThat(ChildProcesses.exits(postmasterPid, Duration.ofSeconds(10))).isTrue();
        // what the engine wrote while it stopped is in the database
        try (EmbeddedPostgresServer again = EmbeddedPostgresServer.start(dataDirectory.toString());
                Connection c = DriverManager.getConnection(again.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from engine_stops")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static int indexOf(List<String> lines, String fragment) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(fragment)) {
                return i;
            }
        }
        return -1;
    }
}
