package com.yibaoflow.enrollment;

import com.yibaoflow.shared.time.ClockConfiguration;
import com.yibaoflow.shared.time.ShiftableClock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;

/**
 * The payment wait's clock (issue #4 §7), run by {@code processes/payment-deadline-sweep.bpmn} every hour: a case
 * waiting for payment is sent {@code PaymentReminderDue} once, from 09:00 some days before its payment deadline (the
 * township is reminded), and {@code PaymentDeadlinePassed} once its deadline day has ended (it lapses).
 * <p>
 * One sweep instead of two timer jobs a case: the deadline is read from the case row when it falls due, so a changed
 * deadline (a correction, an extended collection period) needs no timer moved, a large roster leaves no timers in the
 * job table, and the intake saves the two timers' job, job definition and job log work (docs/benchmarks.md).
 */
@Service
class PaymentDeadlineSweep {

    public static final String PROCESS_KEY = "payment-deadline-sweep";
    /** The last case id a batch looked at; the next batch goes on after it. */
    public static final String CURSOR = "sweepCursor";

    public static final String MORE_DUE = "moreDue";
    /** Optional, for a sweep started by hand: cases a batch; else {@code yibaoflow.enrollment.payment-sweep-batch-size}. */
    public static final String BATCH_SIZE = "batchSize";

    public static final String REMINDERS_SIGNALLED = "remindersSignalled";
    public static final String LAPSES_SIGNALLED = "lapsesSignalled";

    /** The township's reminder goes out from this time of day (office hours). */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);

    private static final Logger log = LoggerFactory.getLogger(PaymentDeadlineSweep.class);

    private final EnrollmentCases cases;
    private final RuntimeService runtime;
    private final ShiftableClock clock;
    private final EnrollmentProperties properties;

    PaymentDeadlineSweep(
            EnrollmentCases cases, RuntimeService runtime, ShiftableClock clock, EnrollmentProperties properties) {
        this.cases = cases;
        this.runtime = runtime;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * What one batch did.
     *
     * @param lastCaseId where the next batch goes on
     * @param full       the batch was full: more cases may be due
     */
    public record Batch(long lastCaseId, int reminders, int lapses, boolean full) {}

    /** The latest payment deadline whose reminder is due at {@code now}: the reminder goes out at 09:00, N days before. */
    static LocalDate reminderHorizon(ZonedDateTime now, int daysBefore) {
        LocalDate horizon = now.toLocalDate().plusDays(daysBefore);
        return now.toLocalTime().isBefore(REMINDER_TIME) ? horizon.minusDays(1) : horizon;
    }

    /**
     * Signals the due cases after {@code afterCaseId}, in case id order, up to the batch size (the configured one if
     * null), in the caller's transaction: a case whose deadline day has ended lapses, a case whose reminder is due
     * gets it (and the time is kept on its row, so it gets it once).
     */
    public Batch signalDue(long afterCaseId, Integer batchSize) {
        ZonedDateTime now = clock.instant().atZone(ClockConfiguration.ZONE);
        LocalDate today = now.toLocalDate();
        int size = batchSize == null ? properties.paymentSweepBatchSize() : batchSize;
        if (size < 1) {
            throw new IllegalArgumentException(BATCH_SIZE + " must be at least 1, was " + size);
        }
        List<EnrollmentCase> due = cases.dueForPaymentDeadlineSweep(
                today,
                reminderHorizon(now, properties.paymentReminderDaysBefore()),
                afterCaseId,
                PageRequest.of(0, size));
        int reminders = 0;
        int lapses = 0;
        for (EnrollmentCase c : due) {
            if (c.paymentDeadline().isBefore(today)) {
                lapses += signal(c, EnrollmentProcess.MESSAGE_PAYMENT_DEADLINE_PASSED) ? 1 : 0;
            } else if (signal(c, EnrollmentProcess.MESSAGE_PAYMENT_REMINDER_DUE)) {
                c.townshipReminded(now.toInstant());
                reminders++;
            }
        }
        long last = due.isEmpty() ? afterCaseId : due.get(due.size() - 1).id();
        if (!due.isEmpty()) {
            log.info(
                    "Payment deadline sweep: {} reminders, {} lapses signalled (cases {}..{})",
                    reminders,
                    lapses,
                    due.get(0).id(),
                    last);
        }
        return new Batch(last, reminders, lapses, due.size() == size);
    }

    /**
     * Sends the message to the case's payment wait. A wait that has already ended matches nothing, which is not an
     * error: a lapse signalled an hour ago whose recording job has not run yet, or a payment confirmed meanwhile.
     */
    private boolean signal(EnrollmentCase c, String message) {
        if (c.processInstanceId() == null) {
            return false;
        }
        boolean matched = !runtime.createMessageCorrelation(message)
                .processInstanceId(c.processInstanceId())
                .correlateAllWithResult()
                .isEmpty();
        if (!matched) {
            log.debug("Payment deadline sweep: case {} is not waiting for payment any more ({})", c.id(), message);
        }
        return matched;
    }
}
