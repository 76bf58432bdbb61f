package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What happens when a level acts on a request (R-MM-02): the decision fits the matter (a report is only acknowledged,
 * R-MM-05), a return or rejection carries its reason, a filing its reference and date (R-MM-01), every opinion of
 * every round is kept, and an overdue level is reminded or escalated. What a step means for the policy version the
 * request names (R-MM-03) is {@link PolicyActivationSteps}'.
 */
@Component
class MajorMatterSteps {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final PolicyActivationSteps activation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MajorMatterSteps(PolicyActivationSteps activation, ApplicationEventPublisher events, Clock clock) {
        this.activation = activation;
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
            activation.recordSubmission(task.getExecution());
        } else if (FILING_TASKS.contains(step)) {
            entry = recordFiling(task);
        } else {
            throw new IllegalStateException("No step " + step + " in " + KEY);
        }
        if (TASK_JOINT.equals(step) && APPROVE.equals(task.getVariable(DECISION))) {
            activation.approved(task);
        }
        String history = text(task.getVariable(OPINION_HISTORY));
        String line = "第" + task.getVariable(ROUND) + "轮 " + stepName(step) + "（" + task.getAssignee() + "）：" + entry;
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

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
