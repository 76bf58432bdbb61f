package com.yibaoflow.escalation;

import com.yibaoflow.shared.events.CaseEvent;
import java.time.Instant;
import java.util.UUID;

/** The facts the escalation module publishes about major-matter requests and fund warnings (issue #18); audit records them. */
public final class MajorMatterEvents {

    private MajorMatterEvents() {}

    /** A request or report was submitted and numbered (R-MM-02). */
    public record MajorMatterSubmitted(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String documentNumber,
            String matterType,
            String regionCode,
            String summary,
            String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-02";
        }

        @Override
        public String kind() {
            return "MAJOR_MATTER_SUBMITTED";
        }
    }

    /**
     * A level acted on a request: a decision (APPROVE, RETURN, REJECT, ACKNOWLEDGE), a consultation opinion
     * (OPINION), a resubmission (RESUBMIT), a filing (FILED) or a withdrawal (WITHDRAW).
     */
    public record MajorMatterStepRecorded(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            int round,
            String level,
            String taskKey,
            String decision,
            String summary,
            String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-02";
        }

        @Override
        public String kind() {
            return "MAJOR_MATTER_" + decision;
        }
    }

    /** A request ended: APPROVED, REJECTED, ACKNOWLEDGED, REFUSED (R-MM-04), WITHDRAWN. */
    public record MajorMatterClosed(
            UUID eventId, Instant occurredAt, String businessKey, String state, String ruleId, String summary)
            implements CaseEvent {
        @Override
        public String kind() {
            return "MAJOR_MATTER_" + state;
        }

        @Override
        public String actor() {
            return "system";
        }
    }

    /** R-MM-06: a region's fund balance covers fewer months of expenditure than its threshold. */
    public record FundWarningRecorded(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String regionCode,
            String month,
            String monthsCovered,
            String thresholdMonths,
            String summary,
            String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-06";
        }

        @Override
        public String kind() {
            return "FUND_WARNING";
        }
    }
}
