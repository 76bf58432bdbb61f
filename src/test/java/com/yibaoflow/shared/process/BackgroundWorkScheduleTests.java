package com.yibaoflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The nodes' schedule of the modules' background work (issue #16: accepted payments reach their processes). */
class BackgroundWorkScheduleTests {

    /** Work whose batches take the given counts in turn (then 0), or throw where a count is negative. */
    static final class Queued implements BackgroundWork {
        final Deque<Integer> batches;
        final List<Integer> taken = new ArrayList<>();

        Queued(Integer... batches) {
            this.batches = new ArrayDeque<>(List.of(batches));
        }

        @Override
        public int runBatch() {
            int n = batches.isEmpty() ? 0 : batches.poll();
            if (n < 0) {
                throw new IllegalStateException("could not serialize access");
            }
            taken.add(n);
            return n;
        }
    }

    @Test
    void aTickWorksOffTheQueueBatchAfterBatchUntilABatchFindsNothing() {
        Queued payments = new Queued(50, 50, 7);
        new BackgroundWorkSchedule(List.of(payments)).run();
        assertThat(payments.taken).containsExactly(50, 50, 7, 0);
    }

    @Test
    void aFailedBatchIsTakenAgainAtTheNextTickAndDoesNotStopTheOtherWork() {
        Queued failing = new Queued(50, -1, 50);
        Queued other = new Queued(3);
        BackgroundWorkSchedule schedule = new BackgroundWorkSchedule(List.of(failing, other));

        schedule.run();
        assertThat(failing.taken).containsExactly(50);
        assertThat(other.taken).containsExactly(3, 0);

        schedule.run();
        assertThat(failing.taken).containsExactly(50, 50, 0);
    }

    @Test
    void onceTheContextClosesNoBatchStarts() {
        Queued payments = new Queued(50);
        BackgroundWorkSchedule schedule = new BackgroundWorkSchedule(List.of(payments));
        schedule.stop();
        schedule.run();
        assertThat(payments.taken).isEmpty();
    }
}
