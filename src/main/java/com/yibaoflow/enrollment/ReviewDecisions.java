package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.time.ShiftableClock;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_ReviewEnrollment} on completion: checks and records a caseworker's review. A decision that cannot be
 * acted on is refused ({@link InvalidDecision}), so the task stays open.
 */
@Service
@Transactional
class ReviewDecisions {

    /** What the caseworker entered in the review form. */
    record Decision(String decision, String reasonCode, String comment, boolean personalDueIsZero, String assignee) {}

    /** The message is for the caseworker, in the Tasklist. */
    static final class InvalidDecision extends RuntimeException {
        InvalidDecision(String message) {
            super(message);
        }
    }

    private final CaseLookup lookup;
    private final ShiftableClock clock;
    private final ApplicationEventPublisher events;

    ReviewDecisions(CaseLookup lookup, ShiftableClock clock, ApplicationEventPublisher events) {
        this.lookup = lookup;
        this.clock = clock;
        this.events = events;
    }

    /** The rejection a {@code REJECT} leads to, else empty. */
    Optional<Rejection> record(CaseRef ref, Decision d) {
        String decision = d.decision();
        if (decision == null
                || !List.of(EnrollmentProcess.APPROVE, EnrollmentProcess.REJECT, EnrollmentProcess.SEND_BACK)
                        .contains(decision)) {
            throw new InvalidDecision("请选择审核结论（批准、不予参保或退回补正）");
        }
        EnrollmentCase c = lookup.find(ref);
        Optional<Rejection> rejection = Optional.empty();
        if (EnrollmentProcess.REJECT.equals(decision)) {
            RejectionReason reason = reviewReason(d.reasonCode());
            if (reason == null) {
                throw new InvalidDecision("不予参保时请选择原因");
            }
            rejection = Optional.of(
                    new Rejection(reason, Optional.ofNullable(d.comment()).orElse("审核不予参保")));
        } else if (EnrollmentProcess.APPROVE.equals(decision)) {
            c.moveTo(
                    d.personalDueIsZero() ? EnrollmentStatus.RECEIVED : EnrollmentStatus.AWAITING_PAYMENT,
                    clock.instant());
        }
        events.publishEvent(new ReviewDecided(
                CaseEvent.newId(),
                clock.instant(),
                c.businessKey(),
                decision,
                d.reasonCode(),
                d.comment(),
                d.assignee() == null ? "unassigned" : d.assignee()));
        return rejection;
    }

    private static RejectionReason reviewReason(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "NOT_ELIGIBLE_RESIDENCE" -> RejectionReason.NOT_ELIGIBLE_RESIDENCE;
            case "EMPLOYEE_INSURED" -> RejectionReason.EMPLOYEE_INSURED;
            case "ENROLLED_ELSEWHERE" -> RejectionReason.ENROLLED_ELSEWHERE;
            case "DOCUMENTS_MISSING" -> RejectionReason.DOCUMENTS_MISSING;
            case "OTHER" -> RejectionReason.OTHER;
            default -> null;
        };
    }
}
