package com.yibaoflow.hardship;

import static com.yibaoflow.hardship.HardshipProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.requiredString;
import static com.yibaoflow.shared.process.ProcessVariables.string;

import com.yibaoflow.identity.Roles;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code processes/hardship-verification.bpmn} around a department's verification task of one claim
 * (R-SUB-12): its decision with the user who took it, the reminder when it is due and the escalation when it is
 * overdue.
 */
@Service
@Transactional
class ClaimTaskSteps {

    private final HardshipClaims claims;
    private final ApplicationEventPublisher events;
    private final TaskService tasks;
    private final HistoryService history;
    private final ShiftableClock clock;

    ClaimTaskSteps(
            HardshipClaims claims,
            ApplicationEventPublisher events,
            TaskService tasks,
            HistoryService history,
            ShiftableClock clock) {
        this.claims = claims;
        this.events = events;
        this.tasks = tasks;
        this.history = history;
        this.clock = clock;
    }

    // ---- Task_RecordClaimDecision -----------------------------------------------------------------------------

    /** The department's decision on one claim, with the user who took it (the source of a verified category). */
    public void recordClaimDecision(DelegateExecution execution) {
        String decision = string(execution, DECISION);
        if (!VERIFY.equals(decision) && !REFUSE.equals(decision)) {
            throw new ProcessEngineException("Unknown verification decision: " + decision);
        }
        String category = requiredString(execution, CLAIM_CATEGORY);
        HardshipClaim claim = claims.findByVerificationIdAndCategory(longValue(execution, VERIFICATION_ID), category)
                .orElseThrow(() -> new IllegalStateException("No claim " + category));
        claim.decidedByDepartment(
                VERIFY.equals(decision),
                deciderOf(execution),
                string(execution, REFUSAL_REASON),
                string(execution, EVIDENCE_NOTE),
                clock.instant());
    }

    // ---- Task_RemindDepartment / Task_EscalateClaim -----------------------------------------------------------

    public void remindDepartment(DelegateExecution execution) {
        events.publishEvent(new HardshipEvents.ClaimOverdue(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                requiredString(execution, DEPARTMENT),
                string(execution, REGION_CODE),
                claimText(execution),
                false));
    }

    /** Overdue verification: the medical security supervisors may take the task, and are told. */
    public void escalateClaim(DelegateExecution execution) {
        openVerifyTask(execution).ifPresent(task -> tasks.addCandidateGroup(task.getId(), Roles.SUPERVISOR));
        events.publishEvent(new HardshipEvents.ClaimOverdue(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                string(execution, DEPARTMENT),
                string(execution, REGION_CODE),
                claimText(execution),
                true));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Optional<Task> openVerifyTask(DelegateExecution execution) {
        String category = string(execution, CLAIM_CATEGORY);
        return tasks
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_VERIFY_CLAIM)
                .list()
                .stream()
                .filter(t -> category != null && category.equals(tasks.getVariable(t.getId(), CLAIM_CATEGORY)))
                .findFirst();
    }

    private String claimText(DelegateExecution execution) {
        String category = string(execution, CLAIM_CATEGORY);
        String label =
                category == null ? "" : HardshipCategory.valueOf(category).chineseName();
        return Optional.ofNullable(string(execution, PERSON_NAME)).orElse("") + "（"
                + ResidentIdNumber.mask(string(execution, ID_NUMBER)) + "）" + label + "身份";
    }

    /**
     * Who completed the verification task of this claim: the latest finished {@code Task_VerifyClaim} in the same
     * sub-process instance as this step; its assignee, else the user the operation log names.
     */
    private String deciderOf(DelegateExecution execution) {
        String scope = execution.getParentActivityInstanceId();
        Optional<HistoricActivityInstance> task = history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(TASK_VERIFY_CLAIM)
                .finished()
                .orderByHistoricActivityInstanceEndTime()
                .desc()
                .list()
                .stream()
                .filter(a -> scope != null && scope.equals(a.getParentActivityInstanceId()))
                .findFirst();
        if (task.isEmpty() || task.get().getTaskId() == null) {
            return "department:" + string(execution, DEPARTMENT);
        }
        if (task.get().getAssignee() != null) {
            return task.get().getAssignee();
        }
        return history
                .createUserOperationLogQuery()
                .taskId(task.get().getTaskId())
                .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
                .list()
                .stream()
                .map(UserOperationLogEntry::getUserId)
                .filter(u -> u != null)
                .findFirst()
                .orElse("department:" + string(execution, DEPARTMENT));
    }
}
