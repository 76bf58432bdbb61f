package com.yibaoflow.shared.process;

/**
 * Work a module queues in its own tables and does beside the engine's jobs, a batch at a time, on every node where
 * the job executor runs (for example the correlation of accepted payments with their cases' processes). Tests, where
 * the job executor is off, run it themselves together with the due jobs, so every path stays deterministic.
 */
public interface BackgroundWork {

    /** Does one batch of the queued work in its own transaction; returns how many items it took (0: none queued). */
    int runBatch();
}
