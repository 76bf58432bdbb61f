package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_RemindTownship} and {@code Task_RecordLapse}: what the payment deadline sweep's messages mean for an
 * unpaid case. The notification module tells the township ({@link PaymentReminderDue}, {@link EnrollmentLapsed}).
 */
@Service
@Transactional
class UnpaidCases {

    private final CaseLookup lookup;
    private final ShiftableClock clock;
    private final ApplicationEventPublisher events;

    UnpaidCases(CaseLookup lookup, ShiftableClock clock, ApplicationEventPublisher events) {
        this.lookup = lookup;
        this.clock = clock;
        this.events = events;
    }

    void remindTownship(CaseRef ref) {
        EnrollmentCase c = lookup.find(ref);
        events.publishEvent(new PaymentReminderDue(
                c.businessKey(),
                c.name(),
                ResidentIdNumber.mask(c.idNumber()),
                c.regionCode(),
                c.township(),
                c.coverageYear(),
                c.personalDue(),
                c.paymentDeadline()));
    }

    void lapse(CaseRef ref) {
        EnrollmentCase c = lookup.find(ref);
        c.moveTo(EnrollmentStatus.LAPSED, clock.instant());
        events.publishEvent(new EnrollmentLapsed(
                CaseEvent.newId(),
                clock.instant(),
                c.businessKey(),
                c.name(),
                ResidentIdNumber.mask(c.idNumber()),
                c.regionCode(),
                c.township(),
                c.coverageYear(),
                c.paymentDeadline()));
    }
}
