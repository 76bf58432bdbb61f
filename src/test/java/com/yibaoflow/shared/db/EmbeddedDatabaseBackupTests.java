package com.yibaoflow.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while the database is written to, restored into a fresh data directory, holds every row committed
 * before it started, and a consistent prefix of what was committed while it ran.
 */
class EmbeddedDatabaseBackupTests {

    @TempDir
    Path work;

    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void cleanUp() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    @Test
    void onlineBackupRestoresEverySeededRowIntoAFreshDataDirectory() throws Exception {
        Path live = work.resolve("live");
        EmbeddedPostgresServer server = started(live);
        seed(server, 500);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger writtenDuringBackup = new AtomicInteger();
        Thread writer = new Thread(() -> keepWriting(server, writing, writtenDuringBackup));
        writer.start();

        Path backup = EmbeddedDatabaseBackup.backup(live, work.resolve("backup"));

        writing.set(false);
        writer.join();
        assertThat(writtenDuringBackup.get()).isPositive();
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("insert into yibao_case values (100000, '备份之后')");
        }

        Path restored = work.resolve("restored");
        copy(backup, restored);
        EmbeddedPostgresServer fromBackup = started(restored);
        try (Connection c = DriverManager.getConnection(fromBackup.jdbcUrl());
                Statement s = c.createStatement()) {
            try (ResultSet rs =
                    s.executeQuery("select count(*) from yibao_case where id <= 500 " + "and name = '参保人' || id")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(500);
            }
            // the concurrent writer committed ids 501, 502, ... one by one: the backup holds a gap-free prefix
            try (ResultSet rs = s.executeQuery(
                    "select count(*), coalesce(max(id), 500) from yibao_case " + "where id > 500 and id < 100000")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2) - 500);
                assertThat(rs.getInt(1)).isLessThanOrEqualTo(writtenDuringBackup.get());
            }
            try (ResultSet rs = s.executeQuery("select count(*) from yibao_case where id = 100000")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
            try (ResultSet rs = s.executeQuery("show fsync")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("on");
            }
        }
    }

    @Test
    void backupOfAStoppedDirectoryStartsAServerForIt() throws Exception {
        Path live = work.resolve("live");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(live.toString())) {
            seed(server, 3);
        }

        Path backup = EmbeddedDatabaseBackup.backup(live, work.resolve("backup"));

        assertThat(live.resolve("postmaster.pid")).doesNotExist();
        EmbeddedPostgresServer fromBackup = started(backup);
        try (Connection c = DriverManager.getConnection(fromBackup.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select string_agg(name, ',' order by id) from yibao_case")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("参保人1,参保人2,参保人3");
        }
    }

    @Test
    void refusesATargetThatIsNotEmptyAndASourceThatIsNoDatabase() throws Exception {
        Path live = work.resolve("live");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(live.toString())) {
            seed(server, 1);
        }
        Path occupied = Files.createDirectories(work.resolve("occupied"));
        Files.writeString(occupied.resolve("keep.txt"), "x");

        assertThatThrownBy(() -> EmbeddedDatabaseBackup.backup(live, occupied)).hasMessageContaining("is not empty");
        assertThatThrownBy(() -> EmbeddedDatabaseBackup.backup(work.resolve("nothing"), work.resolve("b")))
                .hasMessageContaining("not a PostgreSQL data directory");
        assertThat(occupied.resolve("keep.txt")).hasContent("x");
    }

    private EmbeddedPostgresServer started(Path dir) {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dir.toString());
        toClose.add(server);
        return server;
    }

    private static void seed(EmbeddedPostgresServer server, int rows) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement();
                PreparedStatement insert = c.prepareStatement("insert into yibao_case values (?, ?)")) {
            s.execute("create table yibao_case (id int primary key, name text not null)");
            for (int id = 1; id <= rows; id++) {
                insert.setInt(1, id);
                insert.setString(2, "参保人" + id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void keepWriting(EmbeddedPostgresServer server, AtomicBoolean writing, AtomicInteger written) {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                PreparedStatement insert = c.prepareStatement("insert into yibao_case values (?, ?)")) {
            for (int id = 501; writing.get() && id < 100000; id++) {
                insert.setInt(1, id);
                insert.setString(2, "并发" + id);
                insert.executeUpdate();
                written.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
    }
}
