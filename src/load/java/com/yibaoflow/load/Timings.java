package com.yibaoflow.load;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** How the benchmarks print a series of timed runs: each run in order, then first, min, median, p95 and max. */
final class Timings {

    private Timings() {}

    /** Runs {@code run} {@code runs} times; the milliseconds of each run. */
    static List<Double> time(int runs, Runnable run) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            run.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** Prints {@code what}, every run's milliseconds, and the summary line (p95 by nearest rank). */
    static void report(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        StringBuilder each = new StringBuilder();
        millis.forEach(m -> each.append(String.format(Locale.ROOT, " %.0f", m)));
        System.out.printf(
                Locale.ROOT,
                "%s, ms:%s%n  first %.0f, min %.0f, median %.0f, p95 %.0f, max %.0f%n",
                what,
                each,
                millis.get(0),
                sorted.get(0),
                sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(0.95 * sorted.size()) - 1),
                sorted.get(sorted.size() - 1));
    }
}
