package com.yibaoflow.monitoring;

import static com.yibaoflow.monitoring.ReferralProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.requiredString;
import static com.yibaoflow.shared.process.ProcessVariables.string;

import com.yibaoflow.hardship.CategoryOwnership;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ShiftableClock;
import java.sql.Timestamp;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The departments' verification in {@code processes/high-cost-referral.bpmn} (issue #19 §3, R-MON-03): each one's
 * outcome, checked and recorded, and the reminder and escalation when it is late.
 */
@Service
@Transactional
class ReferralVerificationSteps {

    private final JdbcTemplate jdbc;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final ShiftableClock clock;

    ReferralVerificationSteps(
            JdbcTemplate jdbc,
            TaskService tasks,
            IdentityService identity,
            ApplicationEventPublisher events,
            ShiftableClock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
    }

    // ---- Task_VerifyReferral, on complete -----------------------------------------------------------------------

    /**
     * Refuses a submission that is not a whole outcome (R-MON-03): a known outcome; a reason when not eligible; for
     * low-income monitoring a hardship category, and any category one the department itself keeps (R-SUB-12). The
     * task stays open with the user's input. Records who decided.
     */
    void validateOutcome(DelegateTask task) {
        String department = requiredString(task, DEPARTMENT);
        ReferralOutcome outcome = ReferralOutcome.parse(string(task, OUTCOME));
        if (outcome == null) {
            throw DomainException.invalidField(OUTCOME, "must be one of the verification outcomes (R-MON-03)");
        }
        if (outcome == ReferralOutcome.NOT_ELIGIBLE && string(task, OUTCOME_REASON) == null) {
            throw DomainException.invalidField(OUTCOME_REASON, "is required when the person is not eligible");
        }
        String categoryCode = string(task, IDENTIFIED_CATEGORY);
        if (categoryCode != null && !outcome.mayNameCategory()) {
            task.setVariable(IDENTIFIED_CATEGORY, null);
            categoryCode = null;
        }
        if (categoryCode == null && outcome.mustNameCategory()) {
            throw DomainException.invalidField(
                    IDENTIFIED_CATEGORY, "is required when the person is brought into low-income monitoring");
        }
        if (categoryCode != null) {
            HardshipCategory category = HardshipCategory.parse(categoryCode.toUpperCase(Locale.ROOT));
            Department owner = Department.byGroupId(department).orElseThrow();
            if (category == null || !CategoryOwnership.ownedBy(owner).contains(category)) {
                throw DomainException.invalidField(
                        IDENTIFIED_CATEGORY, "is not a hardship category " + owner.chineseName() + " identifies");
            }
            task.setVariable(IDENTIFIED_CATEGORY, category.name());
        }
        String user = task.getAssignee();
        if (user == null) {
            Authentication current = identity.getCurrentAuthentication();
            user = current == null ? "department:" + department : current.getUserId();
        }
        task.setVariable(DECIDED_BY, user);
    }

    // ---- Task_RecordOutcome -------------------------------------------------------------------------------------

    void recordOutcome(DelegateExecution execution) {
        long referralId = longValue(execution, REFERRAL_ID);
        String department = requiredString(execution, DEPARTMENT);
        ReferralOutcome outcome = ReferralOutcome.parse(requiredString(execution, OUTCOME));
        String category = string(execution, IDENTIFIED_CATEGORY);
        String reason = string(execution, OUTCOME_REASON);
        String decidedBy = requiredString(execution, DECIDED_BY);
        jdbc.update(
                """
                insert into yibao.high_cost_referral_outcome (referral_id, department, outcome, category, reason,
                    decided_by, decided_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (referral_id, department) do nothing""",
                referralId,
                department,
                outcome.name(),
                category,
                reason,
                decidedBy,
                Timestamp.from(clock.instant()));
        String name =
                Department.byGroupId(department).map(Department::chineseName).orElse(department);
        events.publishEvent(new ReferralEvents.ReferralOutcomeRecorded(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                department,
                outcome.name(),
                category,
                name + "核实结论：" + outcome.chineseName()
                        + (category == null
                                ? ""
                                : "，认定为" + HardshipCategory.valueOf(category).chineseName())
                        + (reason == null ? "" : "（" + reason + "）"),
                decidedBy));
    }

    // ---- Task_RemindDepartment / Task_EscalateToSupervisors -----------------------------------------------------

    void remind(DelegateExecution execution) {
        overdue(execution, false);
    }

    /** The department's supervisors may take the overdue task (Department.supervisors()), and are told. */
    void escalate(DelegateExecution execution) {
        String department = requiredString(execution, DEPARTMENT);
        Department.byGroupId(department)
                .flatMap(Department::supervisors)
                .ifPresent(supervisors -> openTask(execution, department)
                        .ifPresent(task -> tasks.addCandidateGroup(task.getId(), supervisors.groupId())));
        overdue(execution, true);
    }

    private void overdue(DelegateExecution execution, boolean escalated) {
        String department = requiredString(execution, DEPARTMENT);
        String name =
                Department.byGroupId(department).map(Department::chineseName).orElse(department);
        String masked = string(execution, ID_NUMBER_MASKED);
        events.publishEvent(new ReferralEvents.ReferralOverdue(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                department,
                escalated,
                escalated
                        ? name + "对" + masked + "高额医疗费用预警的核实已超时，已升级至" + name + "分管负责人"
                        : name + "对" + masked + "高额医疗费用预警的核实已到期，已提醒"));
    }

    private java.util.Optional<Task> openTask(DelegateExecution execution, String department) {
        return tasks
                .createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_VERIFY)
                .list()
                .stream()
                .filter(t -> department.equals(tasks.getVariable(t.getId(), DEPARTMENT)))
                .findFirst();
    }
}
