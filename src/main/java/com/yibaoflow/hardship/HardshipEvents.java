package com.yibaoflow.hardship;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The facts the hardship module publishes (issue #15 §3); other modules listen, none is called. */
public final class HardshipEvents {

    private HardshipEvents() {}

    /** A verification ended: the categories the departments or rosters confirmed and the one that applies (R-SUB-09). */
    public record HardshipVerified(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String idNumberMasked,
            String regionCode,
            int coverageYear,
            List<String> verifiedCategories,
            String appliedCategory,
            String summary)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return "R-SUB-09";
        }

        @Override
        public String kind() {
            return "HARDSHIP_VERIFIED";
        }
    }

    /**
     * A department's verification of a claim is due ({@code escalated} false) or overdue and now open to the medical
     * security supervisors ({@code escalated} true). {@code claim} names the person and category, masked.
     */
    public record ClaimOverdue(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String department,
            String regionCode,
            String claim,
            boolean escalated)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return null;
        }

        @Override
        public String kind() {
            return escalated ? "CLAIM_ESCALATED" : "CLAIM_REMINDED";
        }

        @Override
        public String summary() {
            return claim + (escalated ? "的核实已超时，已升级至医保主管" : "的核实已到期，已提醒核实部门");
        }
    }

    /**
     * What a new roster version means for an enrolled person's case (R-SUB-10 kept as paid, R-SUB-11 subsidy from
     * next year), recorded in that enrollment case's history.
     */
    public record RosterChangeNoted(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String ruleId,
            String kind,
            String summary,
            String actor)
            implements CaseEvent {}

    /**
     * R-SUB-11 at next year's check (issue #17 item 8): the enrollment of the entitlement's year found the person still
     * on the owning department's current roster under the category ({@code applied}: the subsidy applies) or no longer
     * on it (lapsed: reported, not applied). Recorded in that enrollment case's history.
     */
    public record SubsidyEntitlementChecked(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String idNumberMasked,
            String regionCode,
            int coverageYear,
            String category,
            boolean applied,
            String summary)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return "R-SUB-11";
        }

        @Override
        public String kind() {
            return applied ? "SUBSIDY_ENTITLEMENT_APPLIED" : "SUBSIDY_ENTITLEMENT_LAPSED";
        }
    }
}
