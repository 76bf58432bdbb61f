package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A case's coverage is activated: the person is enrolled and paid for the year ({@code ENROLLED} in the case
 * history; {@code ruleId} R-ELIG-03 for a newborn covered from birth, else R-WAIT-05).
 */
public record CoverageActivated(
        UUID eventId,
        Instant occurredAt,
        String businessKey,
        String ruleId,
        String summary,
        String idNumber,
        String regionCode,
        int coverageYear)
        implements SystemCaseEvent {

    @Override
    public String kind() {
        return "ENROLLED";
    }
}
