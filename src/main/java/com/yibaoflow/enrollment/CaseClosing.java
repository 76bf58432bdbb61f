package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.time.ShiftableClock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code Task_RecordRejection} and {@code Task_RecordWithdrawal}: a case that ends without coverage. */
@Service
@Transactional
class CaseClosing {

    private final CaseLookup lookup;
    private final ShiftableClock clock;
    private final ApplicationEventPublisher events;

    CaseClosing(CaseLookup lookup, ShiftableClock clock, ApplicationEventPublisher events) {
        this.lookup = lookup;
        this.clock = clock;
        this.events = events;
    }

    /** {@code reason}: a {@link RejectionReason} name, {@code OTHER} when none was given. */
    void reject(CaseRef ref, String reason, String detail) {
        EnrollmentCase c = lookup.find(ref);
        String code = reason == null ? RejectionReason.OTHER.name() : reason;
        c.reject(code, detail, clock.instant());
        events.publishEvent(new EnrollmentRejected(CaseEvent.newId(), clock.instant(), c.businessKey(), code, detail));
    }

    void withdraw(CaseRef ref, String withdrawnBy) {
        EnrollmentCase c = lookup.find(ref);
        c.moveTo(EnrollmentStatus.WITHDRAWN, clock.instant());
        events.publishEvent(new EnrollmentWithdrawn(
                CaseEvent.newId(), clock.instant(), c.businessKey(), withdrawnBy == null ? "system" : withdrawnBy));
    }
}
