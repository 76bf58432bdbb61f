package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.CaseEvent;
import java.time.Instant;
import java.util.UUID;

/** A caseworker decided a review: {@code APPROVE}, {@code REJECT} (with a reason code) or {@code SEND_BACK}. */
public record ReviewDecided(
        UUID eventId,
        Instant occurredAt,
        String businessKey,
        String decision,
        String reasonCode,
        String comment,
        String actor)
        implements CaseEvent {

    @Override
    public String ruleId() {
        return null;
    }

    @Override
    public String kind() {
        return "REVIEW_" + decision;
    }

    @Override
    public String summary() {
        return switch (decision) {
                    case EnrollmentProcess.APPROVE -> "审核批准参保";
                    case EnrollmentProcess.REJECT -> "审核不予参保（" + reasonCode + "）";
                    default -> "审核退回补正";
                }
                + (comment == null ? "" : "；审核意见：" + comment);
    }
}
