package com.yibaoflow.escalation;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.events.SystemCaseEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * The facts the escalation module publishes about major-matter requests and fund warnings (issue #18): the audit
 * records them, the notifications send the reminders.
 */
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
            implements SystemCaseEvent {
        @Override
        public String kind() {
            return "MAJOR_MATTER_" + state;
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

    /**
     * R-MM-06: the region's supervisors judged a fund warning: {@code DRAFT} (a benefit-adjustment request is
     * submitted, {@link MajorMatterSubmitted} follows) or {@code NO_REQUEST} (the summary carries the reason).
     */
    public record FundWarningDecided(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String regionCode,
            String month,
            String decision,
            String summary,
            String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-06";
        }

        @Override
        public String kind() {
            return "FUND_WARNING_" + decision;
        }
    }

    /**
     * A level has not acted by its due date: the level's group is reminded ({@code escalated} false), or, later, the
     * task is escalated to {@code recipientGroup}, that level's supervisors (issue #18 §3, 催办 / 督办).
     */
    public record LevelOverdue(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String regionCode,
            String documentNumber,
            String title,
            String levelName,
            String levelGroup,
            String recipientGroup,
            boolean escalated)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-02";
        }

        @Override
        public String kind() {
            return escalated ? "MAJOR_MATTER_ESCALATED" : "MAJOR_MATTER_REMINDED";
        }

        @Override
        public String summary() {
            return (escalated ? "督办：" : "催办：") + "《" + title + "》在" + levelName + "环节已到期未办结"
                    + (escalated
                            ? "，已报" + MajorMatterSteps.groupName(recipientGroup) + "督办"
                            : "，已提醒" + MajorMatterSteps.groupName(levelGroup));
        }
    }

    /** The approved request activated the policy version it names, superseding the active one (R-MM-03). */
    public record PolicyVersionActivated(
            UUID eventId,
            Instant occurredAt,
            String businessKey,
            String documentNumber,
            String versionLabel,
            String figuresDigest,
            String actor)
            implements CaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-03";
        }

        @Override
        public String kind() {
            return "POLICY_VERSION_ACTIVATED";
        }

        @Override
        public String summary() {
            return documentNumber + "批准的政策版本 " + versionLabel + " 已启用（原启用版本同时废止）";
        }
    }

    /** The approved request did not activate its version: the draft's figures are not those it approved (R-MM-03). */
    public record PolicyActivationRefused(
            UUID eventId, Instant occurredAt, String businessKey, String documentNumber, String reason)
            implements SystemCaseEvent {
        @Override
        public String ruleId() {
            return "R-MM-03";
        }

        @Override
        public String kind() {
            return "POLICY_ACTIVATION_REFUSED";
        }

        @Override
        public String summary() {
            return documentNumber + "未启用政策版本：" + reason;
        }
    }
}
