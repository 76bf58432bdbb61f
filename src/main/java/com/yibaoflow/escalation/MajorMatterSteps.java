package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.shared.problem.DomainException;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What happens when a level acts on a request (R-MM-02): the decision fits the matter (a report is only acknowledged,
 * R-MM-05), a return or rejection carries its reason, and every opinion of every round is kept.
 */
@Component
class MajorMatterSteps {

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
        } else {
            entry = "已备案";
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

    /** The approved request ends; the policy gate (activation of the named version) is not built yet. */
    void conclude(DelegateExecution execution) {
        execution.setVariable("concluded", true);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }
}
