package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.CaseEvent;
import java.time.Instant;
import java.util.UUID;

/** The resident withdrew the application before paying. */
public record EnrollmentWithdrawn(UUID eventId, Instant occurredAt, String businessKey, String actor)
        implements CaseEvent {

    @Override
    public String ruleId() {
        return null;
    }

    @Override
    public String kind() {
        return "WITHDRAWN";
    }

    @Override
    public String summary() {
        return "居民在缴费前撤回参保申请";
    }
}
