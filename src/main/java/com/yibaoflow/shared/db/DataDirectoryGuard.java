package com.yibaoflow.shared.db;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the persistent server starts: a postmaster that a killed run left behind on our data directory is stopped,
 * anything else that holds the directory is reported.
 *
 * <p>Why: {@code kill -9} of the application kills the JVM but not the postmaster it started. PostgreSQL then
 * (rightly) refuses a second postmaster on the directory, and the library waits out its whole start-up timeout
 * before it gives up. The leftover is recognised by its {@code postmaster.pid} (first line the PID, second the data
 * directory), and then checked through {@code /proc}: the process is alive, runs a {@code postgres} binary from the
 * library's extraction directory ({@code .../embedded-pg/PG-<digest>/bin/postgres}), and its working directory (a
 * postmaster changes into its data directory) is ours. The library's lock file {@code epg-lock}, held by every live
 * JVM that runs a server on the directory, tells an orphan from the server of an application that still runs.
 *
 * <p>A {@code postmaster.pid} whose PID is dead is left to PostgreSQL, which replaces a stale lock file itself.
 */
final class DataDirectoryGuard {

    private static final Logger log = LoggerFactory.getLogger(DataDirectoryGuard.class);
    private static final String LIBRARY_LOCK_FILE = "epg-lock";
    private static final Duration SMART_STOP_WAIT = Duration.ofSeconds(20);
    private static final Duration FAST_STOP_WAIT = Duration.ofSeconds(30);

    private DataDirectoryGuard() {}

    /** What {@code postmaster.pid} says: the PID and the data directory of the postmaster that wrote it. */
    record PidFile(long pid, Path dataDirectory) {

        static Optional<PidFile> read(Path dataDirectory) {
            try {
                List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
                if (lines.size() < 2) {
                    return Optional.empty(); // a postmaster is still writing it, or it is torn: PostgreSQL decides
                }
                return Optional.of(new PidFile(
                        Long.parseLong(lines.get(0).trim()),
                        Path.of(lines.get(1).trim())));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read " + dataDirectory.resolve("postmaster.pid"), e);
            }
        }
    }

    static void stopOrphanedPostmaster(Path dataDirectory) {
        Optional<PidFile> pidFile = PidFile.read(dataDirectory);
        if (pidFile.isEmpty()) {
            return;
        }
        long pid = pidFile.get().pid();
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            log.info(
                    "{} names PID {}, which is not running: a stale lock file that PostgreSQL replaces at start",
                    dataDirectory.resolve("postmaster.pid"),
                    pid);
            return;
        }
        Path proc = Path.of("/proc", Long.toString(pid));
        if (!Files.isDirectory(proc)) {
            throw held(dataDirectory, pid, "a live process (this system has no /proc to check what it is)");
        }
        Path executable = readLink(proc.resolve("exe"));
        Path workingDirectory = readLink(proc.resolve("cwd"));
        if (executable == null || workingDirectory == null) {
            throw held(dataDirectory, pid, "a live process this user may not inspect");
        }
        if (!sameFile(workingDirectory, dataDirectory)
                || !sameFile(pidFile.get().dataDirectory(), dataDirectory)) {
            throw held(
                    dataDirectory,
                    pid,
                    "a live process (" + executable + ") that is not a PostgreSQL server of "
                            + "this directory; if you are sure, the lock file is stale: delete "
                            + dataDirectory.resolve("postmaster.pid"));
        }
        if (!isEmbeddedPostgres(executable)) {
            throw held(
                    dataDirectory,
                    pid,
                    "a PostgreSQL server that is not the embedded one (" + executable
                            + "); stop it with its own pg_ctl (pg_ctl -D " + dataDirectory + " stop -m fast)");
        }
        if (heldByLiveJvm(dataDirectory)) {
            throw held(
                    dataDirectory,
                    pid,
                    "the embedded PostgreSQL of an application that still runs (its JVM " + "holds "
                            + dataDirectory.resolve(LIBRARY_LOCK_FILE) + "); stop that application first");
        }
        log.warn(
                "An embedded PostgreSQL (PID {}) left running by a killed run still holds {}; stopping it",
                pid,
                dataDirectory);
        stop(process.get(), dataDirectory);
    }

    /**
     * SIGTERM first (a "smart" shutdown: the killed JVM's connections are gone already), then SIGINT (a "fast"
     * shutdown: it disconnects whatever is left). Both end with a checkpoint; only if neither works in time does the
     * start give up, with a message.
     */
    private static void stop(ProcessHandle postmaster, Path dataDirectory) {
        postmaster.destroy();
        if (waitForExit(postmaster, SMART_STOP_WAIT)) {
            log.info("The orphaned embedded PostgreSQL (PID {}) stopped", postmaster.pid());
            return;
        }
        log.warn(
                "The orphaned embedded PostgreSQL (PID {}) did not stop on SIGTERM in {} s; sending SIGINT",
                postmaster.pid(),
                SMART_STOP_WAIT.toSeconds());
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (IOException e) {
            log.warn("Could not send SIGINT to PID {}", postmaster.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!waitForExit(postmaster, FAST_STOP_WAIT)) {
            throw held(
                    dataDirectory,
                    postmaster.pid(),
                    "an orphaned embedded PostgreSQL that did not stop on "
                            + "SIGTERM or SIGINT; stop it with kill -9 " + postmaster.pid()
                            + " (PostgreSQL recovers the "
                            + "directory at the next start)");
        }
        log.info("The orphaned embedded PostgreSQL (PID {}) stopped", postmaster.pid());
    }

    private static boolean waitForExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (process.isAlive() && !isZombie(process.pid())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return true;
    }

    /**
     * An orphan's parent is PID 1 (or a sub-reaper); in a container whose PID 1 does not reap, the exited postmaster
     * stays a zombie, which still counts as alive. It holds nothing any more.
     */
    static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int afterName = stat.lastIndexOf(')');
            return afterName > 0 && stat.length() > afterName + 2 && stat.charAt(afterName + 2) == 'Z';
        } catch (IOException e) {
            return false;
        }
    }

    /** The library extracts its binaries to {@code <working dir>/PG-<digest>/} and runs {@code bin/postgres}. */
    static boolean isEmbeddedPostgres(Path executable) {
        Path bin = executable.getParent();
        if (bin == null || bin.getFileName() == null) {
            return false;
        }
        Path extraction = bin.getParent();
        return executable.getFileName().toString().equals("postgres")
                && bin.getFileName().toString().equals("bin")
                && extraction != null
                && extraction.getFileName().toString().startsWith("PG-")
                && extraction.getParent() != null
                && sameFile(extraction.getParent(), libraryWorkingDirectory());
    }

    /** Where the library extracts its binaries: the same rule as the library's own. */
    static Path libraryWorkingDirectory() {
        Path tempDefault = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        return Path.of(System.getProperty("ot.epg.working-dir", tempDefault.toString()));
    }

    /** A JVM that runs a server on the directory holds the library's lock file; a killed one held it no longer. */
    private static boolean heldByLiveJvm(Path dataDirectory) {
        Path lockFile = dataDirectory.resolve(LIBRARY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (RandomAccessFile file = new RandomAccessFile(lockFile.toFile(), "rw");
                FileLock lock = file.getChannel().tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true; // a server of this very JVM
        } catch (IOException e) {
            throw new UncheckedIOException("Could not check the lock file " + lockFile, e);
        }
    }

    private static Path readLink(Path link) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            return Path.of(target.endsWith(" (deleted)") ? target.substring(0, target.length() - 10) : target);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }

    private static IllegalStateException held(Path dataDirectory, long pid, String what) {
        return new IllegalStateException("The embedded PostgreSQL cannot start: its data directory " + dataDirectory
                + " is held by PID " + pid + ", " + what + ". See docs/operations.md, \"The data directory is held\".");
    }
}
