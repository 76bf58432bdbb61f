package com.yibaoflow.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU time used by the application JVM and by the PostgreSQL server it talks to, so the harness can print the CPU a
 * case costs next to the rate. On a 2-core machine the rate moves ±10 % from run to run with the host; the CPU per
 * case moves much less, which makes it the figure to compare two versions of the code by (docs/benchmarks.md).
 * <p>
 * The JVM's own time comes from the platform MXBean; the database's from {@code /proc} (Linux only): the postmaster
 * that listens on the data source's port and its backends, including the time of backends that have exited.
 */
final class CpuMeter {

    /** Clock ticks per second of {@code /proc/<pid>/stat}: 100 on every Linux this runs on (USER_HZ). */
    private static final long TICKS_PER_SECOND = 100;

    /** CPU used so far, in nanoseconds: the JVM's, of it the HTTP client's, the database's (-1 where unreadable). */
    record Sample(long app, long client, long db) {}

    private final java.util.concurrent.atomic.AtomicLong client = new java.util.concurrent.atomic.AtomicLong();

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final long postmaster;

    CpuMeter(int databasePort) {
        this.postmaster = findPostmaster(databasePort);
    }

    /**
     * Counts CPU time a client thread of the harness spent sending requests and reading answers: it runs in the
     * application's JVM, on the same two cores, but is no part of what a server would spend.
     */
    void countClient(long nanos) {
        client.addAndGet(nanos);
    }

    Sample sample() {
        return new Sample(os.getProcessCpuTime(), client.get(), postmaster < 0 ? -1 : databaseNanos());
    }

    /** "app 9.1 ms (client 1.0) + db 3.2 ms" of CPU per unit of work since {@code start}. */
    String perUnit(Sample start, int units) {
        Sample now = sample();
        String app = String.format(Locale.ROOT, "app %.1f ms", (now.app() - start.app()) / 1e6 / units);
        if (now.client() > start.client()) {
            app += String.format(Locale.ROOT, " (client %.1f)", (now.client() - start.client()) / 1e6 / units);
        }
        if (start.db() < 0 || now.db() < 0) {
            return app;
        }
        return app + String.format(Locale.ROOT, " + db %.1f ms", (now.db() - start.db()) / 1e6 / units);
    }

    private long databaseNanos() {
        long ticks = 0;
        for (long[] stat : processes()) {
            long pid = stat[0];
            long parent = stat[1];
            if (pid == postmaster) {
                ticks += stat[2] + stat[3] + stat[4] + stat[5]; // its own time and that of its exited backends
            } else if (parent == postmaster) {
                ticks += stat[2] + stat[3];
            }
        }
        return ticks * 1_000_000_000L / TICKS_PER_SECOND;
    }

    private static long findPostmaster(int port) {
        try (Stream<Path> all = list()) {
            return all.filter(p -> {
                        try {
                            String[] args = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8)
                                    .split("\0");
                            if (args.length == 0 || !args[0].endsWith("postgres")) {
                                return false;
                            }
                            for (int i = 0; i + 1 < args.length; i++) {
                                if (args[i].equals("-p") && args[i + 1].equals(Integer.toString(port))) {
                                    return true;
                                }
                            }
                            return false;
                        } catch (IOException e) {
                            return false; // a process that has gone, or one we may not read
                        }
                    })
                    .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
                    .findFirst()
                    .orElse(-1);
        }
    }

    /** pid, parent pid, utime, stime, cutime, cstime of every process. */
    private static List<long[]> processes() {
        List<long[]> result = new ArrayList<>();
        try (Stream<Path> all = list()) {
            all.forEach(p -> {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    // the command name (field 2) may contain spaces: the fields after it follow the last ')'
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    result.add(new long[] {
                        Long.parseLong(p.getFileName().toString()),
                        Long.parseLong(f[1]),
                        Long.parseLong(f[11]),
                        Long.parseLong(f[12]),
                        Long.parseLong(f[13]),
                        Long.parseLong(f[14])
                    });
                } catch (IOException | RuntimeException e) {
                    // gone meanwhile
                }
            });
        }
        return result;
    }

    private static Stream<Path> list() {
        try {
            return Files.list(Path.of("/proc"))
                    .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit));
        } catch (IOException e) {
            return Stream.empty();
        }
    }
}
