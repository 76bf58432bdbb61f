package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.util.UUID;

/** The application is turned down, by a step or by a review ({@code reason}: a {@code RejectionReason} name). */
public record EnrollmentRejected(UUID eventId, Instant occurredAt, String businessKey, String reason, String detail)
        implements SystemCaseEvent {

    @Override
    public String ruleId() {
        return reason.equals("EMPLOYEE_INSURED") || reason.equals("ENROLLED_ELSEWHERE") ? "R-ELIG-02" : null;
    }

    @Override
    public String kind() {
        return "REJECTED";
    }

    @Override
    public String summary() {
        return "不予参保（" + reason + "）" + (detail == null ? "" : "：" + detail);
    }
}
