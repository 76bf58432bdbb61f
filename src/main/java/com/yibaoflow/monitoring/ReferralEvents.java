package com.yibaoflow.monitoring;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The facts of a high-cost referral ({@code HC-…}), recorded in its case history by {@code audit} (docs/events.md).
 * Every summary names the person masked.
 */
public final class ReferralEvents {

    private ReferralEvents() {}

    /** A scan warned a person not yet referred this year: the referral opens (R-MON-02). */
    public record ReferralOpened(
            UUID eventId, Instant occurredAt, String businessKey, long scanId, String summary, String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MON-02";
        }

        @Override
        public String kind() {
            return "REFERRAL_OPENED";
        }
    }

    /** A later scan found the person of an open referral over a higher warning line: the case is updated. */
    public record ReferralRaised(
            UUID eventId, Instant occurredAt, String businessKey, long scanId, String summary, String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MON-02";
        }

        @Override
        public String kind() {
            return "REFERRAL_RAISED";
        }
    }

    /** A department recorded its verification outcome (R-MON-03). */
    public record ReferralOutcomeRecorded(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String department,
            String outcome,
            String category,
            String summary,
            String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MON-03";
        }

        @Override
        public String kind() {
            return "REFERRAL_OUTCOME";
        }
    }

    /** A department's task is due ({@code escalated} false) or overdue and open to its supervisors (true). */
    public record ReferralOverdue(
            UUID eventId, Instant occurredAt, String businessKey, String department, boolean escalated, String summary)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return null;
        }

        @Override
        public String kind() {
            return escalated ? "REFERRAL_ESCALATED" : "REFERRAL_REMINDED";
        }
    }

    /** An outcome made the person a hardship category: a hardship verification ({@code HV-HC-…}) was started. */
    public record ReferralHandedToHardship(
            UUID eventId, Instant occurredAt, String businessKey, String hardshipBusinessKey, String summary)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return "R-MON-03";
        }

        @Override
        public String kind() {
            return "REFERRAL_HARDSHIP_VERIFICATION";
        }
    }

    /** A routine follow-up check: cost since the referral and whether the person is still at risk. */
    public record ReferralChecked(
            UUID eventId, Instant occurredAt, String businessKey, boolean stillAtRisk, String summary)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return "R-MON-03";
        }

        @Override
        public String kind() {
            return stillAtRisk ? "REFERRAL_STILL_AT_RISK" : "REFERRAL_CLOSED";
        }
    }
}
