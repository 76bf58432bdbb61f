package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.escalation.MajorMatter.PolicyVersionRef;
import com.yibaoflow.escalation.MajorMatterEvents.MajorMatterSubmitted;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting and submission of major-matter requests (issue #18, R-MM-02): the drafting region's medical security
 * bureau submits, the request is numbered, recorded and its process started. The API, the fund-warning review
 * ({@link FundWarnings}) and the demo ({@link MajorMatterDrafts}) all submit here.
 */
@Service
class MajorMatterSubmissions {

    /** What a drafter submits (already checked by Bean Validation). */
    record Draft(
            MajorMatterType type,
            String title,
            String situation,
            String proposal,
            String regionCode,
            PolicyVersionRef policyVersion) {}

    private final MajorMatters matters;
    private final DocumentNumbers numbers;
    private final PolicyService policies;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MajorMatterAccess access;

    MajorMatterSubmissions(
            MajorMatters matters,
            DocumentNumbers numbers,
            PolicyService policies,
            RuntimeService runtime,
            ApplicationEventPublisher events,
            Clock clock,
            MajorMatterAccess access) {
        this.access = access;
        this.matters = matters;
        this.numbers = numbers;
        this.policies = policies;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits a request: checked, numbered (gapless per issuing body and year: the number is taken in this
     * transaction and given back if it rolls back), recorded and its process started, all in one transaction.
     */
    @Transactional
    MajorMatter submit(Draft draft, StaffPrincipal user) {
        if (!user.isAdmin()) {
            if (!draft.regionCode().equals(user.regionCode())) {
                throw DomainException.forbidden("Requests are drafted by the region's own staff: " + user.userId()
                        + " works for region " + user.regionCode() + ", not " + draft.regionCode());
            }
            if (!MajorMatterAccess.isDrafter(user)) {
                throw DomainException.forbidden("Requests are drafted by the medical security bureau");
            }
        }
        String policyLabel = checkPolicyVersion(draft);
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, ClockConfiguration.ZONE).getYear();
        String number = numbers.next(draft.regionCode(), year);
        MajorMatter m = matters.saveAndFlush(new MajorMatter(
                draft.type(),
                draft.title(),
                draft.situation(),
                draft.proposal(),
                draft.regionCode(),
                user.userId(),
                draft.policyVersion(),
                number,
                now));
        events.publishEvent(new MajorMatterSubmitted(
                CaseEvent.newId(),
                now,
                m.businessKey(),
                number,
                m.type().name(),
                m.regionCode(),
                "提交" + m.type().label() + "《" + m.title() + "》，文号" + number
                        + (policyLabel.isEmpty() ? "" : "，拟启用政策版本：" + policyLabel),
                user.userId()));
        VariableMap start = Variables.createVariables();
        if (draft.policyVersion() != null) {
            // R-MM-03: the version the approved request activates, and only that one (PolicyActivationSteps)
            start.putValue(POLICY_COVERAGE_YEAR, draft.policyVersion().coverageYear())
                    .putValue(POLICY_VERSION, draft.policyVersion().version());
        }
        ProcessInstance pi = runtime.createProcessInstanceByKey(KEY)
                .businessKey(m.businessKey())
                .setVariables(start)
                .setVariables(Variables.createVariables()
                        .putValue(REQUEST_ID, m.id())
                        .putValue(MATTER_TYPE, m.type().name())
                        .putValue(MATTER_TYPE_LABEL, m.type().label())
                        .putValue(REGION_CODE, m.regionCode())
                        .putValue(REGION_NAME, access.regionName(m.regionCode()))
                        .putValue(TITLE, m.title())
                        .putValue(SITUATION, m.situation())
                        .putValue(PROPOSAL, m.proposal())
                        .putValue(DOCUMENT_NUMBER, number)
                        .putValue(POLICY_VERSION_LABEL, policyLabel)
                        .putValue(ATTACHMENT_NAMES, "")
                        .putValue(DRAFTED_BY, user.userId()))
                .execute();
        m.started(pi.getId());
        return m;
    }

    /** R-MM-03: the version a request asks to activate is a DRAFT of the drafting region. */
    private String checkPolicyVersion(Draft draft) {
        PolicyVersionRef ref = draft.policyVersion();
        if (ref == null) {
            return "";
        }
        if (!ref.regionCode().equals(draft.regionCode())) {
            throw DomainException.invalidField(
                    "policyVersion.regionCode", "must be the drafting region " + draft.regionCode());
        }
        PolicyVersion version;
        try {
            version = policies.version(ref.regionCode(), ref.coverageYear(), ref.version());
        } catch (DomainException e) {
            throw DomainException.invalidField("policyVersion", e.getMessage());
        }
        if (version.status() != PolicyStatus.DRAFT) {
            throw DomainException.invalidField(
                    "policyVersion", "is " + version.status() + "; a request asks to activate a DRAFT (R-MM-03)");
        }
        return ref.label();
    }
}
