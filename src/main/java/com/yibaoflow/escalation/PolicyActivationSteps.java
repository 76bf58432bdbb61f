package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.events.SystemCaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * R-MM-03 along a request that names a DRAFT policy version: the figures it asks to approve are recorded at each
 * submission, the approval is noted, and the approved request's last step activates exactly those figures or ends
 * the case on the refusal path. {@link PolicyChanges} keeps the change's row.
 */
@Component
class PolicyActivationSteps {

    private final PolicyService policies;
    private final PolicyChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyActivationSteps(
            PolicyService policies, PolicyChanges changes, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The request's submission (R-MM-03): when it names a DRAFT version of its region's policy, the digest of that
     * version's figures is recorded; the request approves those figures and no others. A resubmission after a return
     * records the figures again (the drafter may have revised the draft meanwhile).
     */
    void recordSubmission(DelegateExecution execution) {
        Object version = execution.getVariable(POLICY_VERSION);
        if (version == null) {
            return;
        }
        String documentNumber = text(execution.getVariable(DOCUMENT_NUMBER));
        if (documentNumber.isEmpty()) {
            throw DomainException.invalidField(
                    DOCUMENT_NUMBER, "a request naming a policy version needs its document number");
        }
        String regionCode = text(execution.getVariable(REGION_CODE));
        int year = number(execution.getVariable(POLICY_COVERAGE_YEAR), POLICY_COVERAGE_YEAR);
        int v = number(version, POLICY_VERSION);
        PolicyVersion draft = policies.version(regionCode, year, v);
        if (draft.status() != PolicyStatus.DRAFT) {
            throw DomainException.conflict(
                    "Policy version " + draft.label() + " is " + draft.status()
                            + ": a request asks to activate a DRAFT version (R-MM-03)",
                    Map.of("ruleId", "R-MM-03", "version", draft.label()));
        }
        changes.submitted(
                documentNumber,
                execution.getProcessInstanceId(),
                regionCode,
                year,
                v,
                policies.figuresDigest(regionCode, year, v),
                clock.instant());
    }

    /** The joint opinion approved the request: who approved it, and its policy change (if any) is APPROVED. */
    void approved(DelegateTask task) {
        task.setVariable(APPROVED_BY, task.getAssignee());
        Object documentNumber = task.getVariable(DOCUMENT_NUMBER);
        if (documentNumber != null && task.getVariable(POLICY_VERSION) != null) {
            changes.approved(documentNumber.toString(), clock.instant());
        }
    }

    /**
     * The approved request's last step (issue #18 §4, R-MM-03): activates the DRAFT version it names, superseding
     * the active one, in the transaction that ends the case. Exactly once: the change's row is locked, and a retried
     * step finds it ACTIVATED and changes nothing. A draft whose figures are no longer those the request was submitted
     * with is not activated: the case ends on the model's refusal path with the reason.
     */
    void conclude(DelegateExecution execution) {
        execution.setVariable(CONCLUDED, true);
        Object documentNumber = execution.getVariable(DOCUMENT_NUMBER);
        if (documentNumber == null || execution.getVariable(POLICY_VERSION) == null) {
            return; // a request that changes no policy version
        }
        String request = documentNumber.toString();
        PolicyChanges.PolicyChange change = changes.lock(request)
                .orElseThrow(() -> new IllegalStateException("No policy change recorded for " + request));
        if (change.state() == PolicyChanges.State.ACTIVATED) {
            execution.setVariable(ACTIVATED_VERSION, change.versionLabel());
            return;
        }
        if (change.state() != PolicyChanges.State.APPROVED) {
            throw new IllegalStateException(request + " is " + change.state() + ", not APPROVED");
        }
        // checked here, before the gate, so that a refusal ends the case instead of failing the step's transaction
        String refusal = refusal(change);
        Instant now = clock.instant();
        if (refusal != null) {
            changes.concluded(request, PolicyChanges.State.REFUSED, refusal, now);
            execution.setVariable(ACTIVATION_REFUSAL, refusal);
            events.publishEvent(new MajorMatterEvents.PolicyActivationRefused(
                    CaseEvent.newId(), now, execution.getProcessBusinessKey(), request, refusal));
            throw new BpmnError(ERROR_ACTIVATION_REFUSED, refusal);
        }
        String actor = execution.getVariable(APPROVED_BY) == null
                ? SystemCaseEvent.SYSTEM
                : execution.getVariable(APPROVED_BY).toString();
        PolicyVersion active = MajorMatterApprovals.whileConcluding(request, () -> policies.activate(request, actor));
        changes.concluded(request, PolicyChanges.State.ACTIVATED, "已启用 " + active.label(), now);
        execution.setVariable(ACTIVATED_VERSION, active.label());
        events.publishEvent(new MajorMatterEvents.PolicyVersionActivated(
                CaseEvent.newId(),
                now,
                execution.getProcessBusinessKey(),
                request,
                active.label(),
                change.figuresDigest(),
                actor));
    }

    /** Why the approved change is not activated (the draft moved on, or its figures changed), or {@code null}. */
    private String refusal(PolicyChanges.PolicyChange change) {
        PolicyVersion named = policies.version(change.regionCode(), change.coverageYear(), change.version());
        if (named.status() != PolicyStatus.DRAFT) {
            return "政策版本 " + named.label() + " 已不是草稿（" + named.status() + "），不能由本请示启用";
        }
        if (!policies.figuresDigest(change.regionCode(), change.coverageYear(), change.version())
                .equals(change.figuresDigest())) {
            return "政策版本 " + named.label() + " 的参数在请示报送后被修改，与批准的内容不一致，不予启用；请重新报送请示";
        }
        return null;
    }

    private static int number(Object value, String field) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(text(value));
        } catch (NumberFormatException e) {
            throw DomainException.invalidField(field, "must be a whole number");
        }
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
