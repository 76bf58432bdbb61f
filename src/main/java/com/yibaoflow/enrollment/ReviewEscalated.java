package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A review is overdue (issue #4 §6): the supervisors may now take the task. {@code assignee} is the caseworker who
 * holds it, or {@code null}.
 */
public record ReviewEscalated(
        UUID eventId,
        Instant occurredAt,
        String businessKey,
        String name,
        String idNumberMasked,
        String regionCode,
        int coverageYear,
        int reviewWorkingDays,
        String assignee)
        implements SystemCaseEvent {

    @Override
    public String ruleId() {
        return null;
    }

    @Override
    public String kind() {
        return "REVIEW_ESCALATED";
    }

    @Override
    public String summary() {
        return "审核超过" + reviewWorkingDays + "个工作日未办结，已升级至主管";
    }
}
