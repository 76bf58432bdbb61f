package com.yibaoflow.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Runs a main class of the test classpath in a child JVM, its output in a file; the crash tests kill it. */
final class ChildProcesses {

    private ChildProcesses() {}

    static Process start(Class<?> mainClass, Path output, String... args) throws IOException {
        return start(mainClass, output, List.of("-Xmx256m"), args);
    }

    static Process start(Class<?> mainClass, Path output, List<String> jvmArgs, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.addAll(List.of("-cp", classPath(), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
                .start();
    }

    /**
     * The test class path without empty entries: surefire's ends with a separator, and an empty entry is the working
     * directory, whose processes/ folder the engine would then deploy a second time.
     */
    private static String classPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** Waits until the child printed the line, failing fast when it died or took too long. */
    static void awaitLine(Process child, Path output, String line, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(output) && Files.readAllLines(output).stream().anyMatch(l -> l.equals(line))) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("The child exited with " + child.exitValue() + " before printing " + line
                        + ":\n" + Files.readString(output));
            }
            Thread.sleep(100);
        }
        throw new AssertionError(
                "The child did not print " + line + " in " + timeout + ":\n" + Files.readString(output));
    }

    /** The PID in the first line of the data directory's postmaster.pid. */
    static long postmasterPid(Path dataDirectory) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
    }

    /** Whether the process is gone within the timeout (exited; a zombie its parent has not reaped yet counts). */
    static boolean exits(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !DataDirectoryGuard.isZombie(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }
}
