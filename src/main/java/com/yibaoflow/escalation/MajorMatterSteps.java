package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What happens when a level acts on a request (R-MM-02): the decision fits the matter (a report is only acknowledged,
 * R-MM-05), a return or rejection carries its reason, and every opinion of every round is kept.
 */
@Component
class MajorMatterSteps {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final PolicyService policies;
    private final PolicyChanges changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MajorMatterSteps(PolicyService policies, PolicyChanges changes, ApplicationEventPublisher events, Clock clock) {
        this.policies = policies;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    private static final Set<String> REVIEWS = Set.of(TASK_COUNTY, TASK_CITY, TASK_JOINT);
    private static final Set<String> OPINIONS = Set.of(TASK_PROVINCE, TASK_FINANCE);
    private static final Map<String, String> DECISION_LABELS =
            Map.of(APPROVE, "同意", RETURN, "退回修改", REJECT, "不同意", ACKNOWLEDGE, "阅知");

    void recordStep(DelegateTask task) {
        String step = task.getTaskDefinitionKey();
        String opinion = text(task.getVariable(OPINION));
        String entry;
        if (REVIEWS.contains(step)) {
            String decision = text(task.getVariable(DECISION));
            checkDecision(Boolean.TRUE.equals(task.getVariable(REPORT)), decision, opinion);
            entry = DECISION_LABELS.get(decision) + (opinion.isEmpty() ? "" : "：" + opinion);
        } else if (OPINIONS.contains(step)) {
            if (opinion.isEmpty()) {
                throw DomainException.invalidField(OPINION, "会签意见不能为空");
            }
            entry = opinion;
        } else if (TASK_REVISE.equals(step)) {
            entry = "修改后重新提交";
            recordSubmission(task.getExecution());
        } else if (FILING_TASKS.contains(step)) {
            entry = recordFiling(task);
        } else {
            throw new IllegalStateException("No step " + step + " in " + KEY);
        }
        if (TASK_JOINT.equals(step) && APPROVE.equals(task.getVariable(DECISION))) {
            approved(task);
        }
        String history = text(task.getVariable(OPINION_HISTORY));
        String line = "第" + task.getVariable(ROUND) + "轮 " + task.getName() + "（" + task.getAssignee() + "）：" + entry;
        task.setVariable(OPINION_HISTORY, history.isEmpty() ? line : history + "\n" + line);
        task.setVariable(OPINION, null);
    }

    /** R-MM-05: a report is acknowledged (or returned), never approved; a request is never merely acknowledged. */
    static void checkDecision(boolean report, String decision, String opinion) {
        if (!DECISION_LABELS.containsKey(decision)) {
            throw DomainException.invalidField(DECISION, "请选择审核决定");
        }
        if (report && (APPROVE.equals(decision) || REJECT.equals(decision))) {
            throw DomainException.ruleViolation("R-MM-05", DECISION, "报告类事项只阅知，不审批");
        }
        if (!report && ACKNOWLEDGE.equals(decision)) {
            throw DomainException.ruleViolation("R-MM-02", DECISION, "请示类事项须作出同意、退回或不同意的决定");
        }
        if ((RETURN.equals(decision) || REJECT.equals(decision)) && opinion.isEmpty()) {
            throw DomainException.invalidField(OPINION, "退回或不同意时须填写意见");
        }
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

    private void approved(DelegateTask task) {
        task.setVariable(APPROVED_BY, task.getAssignee());
        Object documentNumber = task.getVariable(DOCUMENT_NUMBER);
        if (documentNumber != null && task.getVariable(POLICY_VERSION) != null) {
            changes.approved(documentNumber.toString(), clock.instant());
        }
    }

    /** R-MM-01: a filing is closed with the agency's reference and the date it was filed on, not a future one. */
    private String recordFiling(DelegateTask task) {
        MajorMatterFiling.Authority agency = MajorMatterFiling.Authority.valueOf(text(task.getVariable(FILING_AGENCY)));
        String reference = text(task.getVariable(FILING_REFERENCE));
        if (reference.isEmpty()) {
            throw DomainException.invalidField(FILING_REFERENCE, "请填写备案文号");
        }
        if (reference.length() > 100) {
            throw DomainException.invalidField(FILING_REFERENCE, "备案文号不能超过100个字符");
        }
        LocalDate date = date(task.getVariable(FILING_DATE));
        if (date.isAfter(LocalDate.now(clock.withZone(SHANGHAI)))) {
            throw DomainException.invalidField(FILING_DATE, "备案日期不能晚于今天");
        }
        task.setVariable(agency.referenceVariable, reference);
        task.setVariable(agency.dateVariable, date.toString());
        task.setVariable(FILING_REFERENCE, null);
        task.setVariable(FILING_DATE, null);
        return "已备案，文号 " + reference + "，日期 " + date;
    }

    private static LocalDate date(Object value) {
        if (value instanceof Date d) {
            return d.toInstant().atZone(SHANGHAI).toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        String text = text(value);
        if (text.isEmpty()) {
            throw DomainException.invalidField(FILING_DATE, "请填写备案日期");
        }
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField(FILING_DATE, "备案日期格式应为 yyyy-MM-dd");
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
        PolicyVersion named = policies.version(change.regionCode(), change.coverageYear(), change.version());
        String refusal = null;
        if (named.status() != PolicyStatus.DRAFT) {
            refusal = "政策版本 " + named.label() + " 已不是草稿（" + named.status() + "），不能由本请示启用";
        } else if (!policies.figuresDigest(change.regionCode(), change.coverageYear(), change.version())
                .equals(change.figuresDigest())) {
            refusal = "政策版本 " + named.label() + " 的参数在请示报送后被修改，与批准的内容不一致，不予启用；请重新报送请示";
        }
        Instant now = clock.instant();
        if (refusal != null) {
            changes.concluded(request, PolicyChanges.State.REFUSED, refusal, now);
            execution.setVariable(ACTIVATION_REFUSAL, refusal);
            events.publishEvent(new MajorMatterEvents.PolicyActivationRefused(
                    CaseEvent.newId(), now, execution.getProcessBusinessKey(), request, refusal));
            throw new BpmnError(ERROR_ACTIVATION_REFUSED, refusal);
        }
        String actor = execution.getVariable(APPROVED_BY) == null
                ? "system"
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

    /** 催办 / 督办 (issue #18 §3): the level's group is reminded, or its supervisors are told the task is overdue. */
    void overdue(DelegateExecution execution, boolean escalated) {
        String levelGroup = text(execution.getVariable(LEVEL_GROUP));
        String recipient = escalated ? text(execution.getVariable(ESCALATION_GROUP)) : levelGroup;
        events.publishEvent(new MajorMatterEvents.LevelOverdue(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                text(execution.getVariable(REGION_CODE)),
                text(execution.getVariable(DOCUMENT_NUMBER)),
                text(execution.getVariable(TITLE)),
                text(execution.getVariable(LEVEL_NAME)),
                levelGroup,
                recipient,
                escalated));
    }

    static String groupName(String groupId) {
        return Department.byGroupId(groupId).map(Department::chineseName).orElse(groupId);
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
