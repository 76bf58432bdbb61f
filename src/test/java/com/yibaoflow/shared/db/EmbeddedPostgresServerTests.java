package com.yibaoflow.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run keeps its data, durably; the throw-away test server stays fast; a data directory held by something
 * else is refused at once, with a message naming the holder.
 */
class EmbeddedPostgresServerTests {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<Process> toKill = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        toKill.forEach(Process::destroyForcibly);
    }

    @Test
    void dataSurvivesARestartOnTheSameDirectory(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(dir.toString());
                Connection c = DriverManager.getConnection(first.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text)");
            s.execute("insert into kept values ('案件')");
        }
        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(dir.toString());
                Connection c = DriverManager.getConnection(second.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select v from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("案件");
        }
    }

    @Test
    void persistentServerFlushesEveryCommit(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer server = started(dir);
        assertThat(setting(server, "fsync")).isEqualTo("on");
        assertThat(setting(server, "synchronous_commit")).isEqualTo("on");
        assertThat(setting(server, "full_page_writes")).isEqualTo("on");
    }

    @Test
    void throwAwayServerKeepsTheFastSettings() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start("");
        assertThat(setting(server, "fsync")).isEqualTo("off");
        assertThat(setting(server, "synchronous_commit")).isEqualTo("off");
        assertThat(setting(server, "full_page_writes")).isEqualTo("off");
    }

    @Test
    void stalePidFileOfADeadProcessIsReplacedByPostgres(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer.start(dir.toString()).close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(dir.resolve("postmaster.pid"), gone.pid() + "\n" + dir.toAbsolutePath() + "\n");

        long started = System.nanoTime();
        EmbeddedPostgresServer server = started(dir);

        assertThat(setting(server, "fsync")).isEqualTo("on");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void directoryHeldByAnotherLiveProcessIsRefusedNamingIt(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer.start(dir.toString()).close();
        Process other = new ProcessBuilder("sleep", "60").start();
        toKill.add(other);
        Files.writeString(dir.resolve("postmaster.pid"), other.pid() + "\n" + dir.toAbsolutePath() + "\n");

        long started = System.nanoTime();
        assertThatThrownBy(() -> started(dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("held by PID " + other.pid())
                .hasMessageContaining("sleep")
                .hasMessageContaining("docs/operations.md");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(other.isAlive()).isTrue();
    }

    @Test
    void directoryOfAnApplicationThatStillRunsIsRefused(@TempDir Path dir) throws Exception {
        EmbeddedPostgresServer running = started(dir);

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("an application that still runs");
        assertThat(setting(running, "fsync")).isEqualTo("on");
    }

    @Test
    void onlyThePostgresOfTheEmbeddedBinariesCountsAsOurs() {
        Path extracted = DataDirectoryGuard.libraryWorkingDirectory().resolve("PG-642721a7877bfd8c630196718e94d572");

        assertThat(DataDirectoryGuard.isEmbeddedPostgres(extracted.resolve("bin/postgres")))
                .isTrue();
        assertThat(DataDirectoryGuard.isEmbeddedPostgres(Path.of("/usr/lib/postgresql/16/bin/postgres")))
                .isFalse();
        assertThat(DataDirectoryGuard.isEmbeddedPostgres(extracted.resolve("bin/initdb")))
                .isFalse();
        assertThat(DataDirectoryGuard.isEmbeddedPostgres(Path.of("/postgres"))).isFalse();
    }

    private EmbeddedPostgresServer started(Path dir) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.toString());
        toClose.add(server);
        return server;
    }

    static String setting(EmbeddedPostgresServer server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
