package com.yibaoflow.shared.process;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs every module's {@link BackgroundWork} on the nodes where the job executor runs, every
 * {@code yibaoflow.background-work.interval}: batch after batch until nothing is queued, then it waits for the next
 * tick. A failed batch (a database error, an optimistic-locking conflict with another node) is rolled back, logged,
 * and taken again at the next tick. Once the context closes no new batch starts.
 */
@Component
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", matchIfMissing = true)
class BackgroundWorkSchedule {

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorkSchedule.class);

    private final List<BackgroundWork> work;
    private volatile boolean stopping;

    BackgroundWorkSchedule(List<BackgroundWork> work) {
        this.work = work;
    }

    @EventListener(ContextClosedEvent.class)
    void stop() {
        stopping = true;
    }

    @Scheduled(
            initialDelayString = "${yibaoflow.background-work.interval:200ms}",
            fixedDelayString = "${yibaoflow.background-work.interval:200ms}")
    void run() {
        for (BackgroundWork w : work) {
            try {
                while (!stopping && w.runBatch() > 0) {
                    // the next batch at once: the queue is being worked off
                }
            } catch (RuntimeException e) {
                log.warn(
                        "Background work {} failed, retried at the next tick: {}",
                        w.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }
}
