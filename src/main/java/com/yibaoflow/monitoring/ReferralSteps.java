package com.yibaoflow.monitoring;

import static com.yibaoflow.monitoring.ReferralProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.requiredString;
import static com.yibaoflow.shared.process.ProcessVariables.string;

import com.yibaoflow.hardship.CategoryOwnership;
import com.yibaoflow.hardship.HardshipProcess;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ShiftableClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What the steps of {@code processes/high-cost-referral.bpmn} do (issue #19 §3, R-MON-03). */
@Service
@Transactional
class ReferralSteps {

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ApplicationEventPublisher events;
    private final ShiftableClock clock;
    private final MonitoringProperties properties;

    ReferralSteps(
            JdbcTemplate jdbc,
            RuntimeService runtime,
            TaskService tasks,
            IdentityService identity,
            ApplicationEventPublisher events,
            ShiftableClock clock,
            MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
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

    // ---- Task_ApplyOutcomes -------------------------------------------------------------------------------------

    /** Both departments have answered: the categories they identified, and the follow-up begins. */
    void applyOutcomes(DelegateExecution execution) {
        long referralId = longValue(execution, REFERRAL_ID);
        List<String> categories = jdbc.queryForList("""
                select distinct category from yibao.high_cost_referral_outcome
                where referral_id = ? and category is not null order by category""", String.class, referralId);
        jdbc.update(
                "update yibao.high_cost_referral set state = 'FOLLOWING_UP' where id = ? and state = 'VERIFYING'",
                referralId);
        execution.setVariable(
                HARDSHIP_CATEGORIES,
                Variables.objectValue(new ArrayList<>(categories))
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
        execution.setVariable(NEEDS_HARDSHIP_VERIFICATION, !categories.isEmpty());
    }

    // ---- Task_StartHardshipVerification -------------------------------------------------------------------------

    /**
     * Starts hardship verification of the identified categories through the hardship module's process contract
     * ({@link HardshipProcess}), under {@code HV-<referral business key>}; it runs on its own, the referral goes on to
     * its follow-up.
     */
    void startHardshipVerification(DelegateExecution execution) {
        long referralId = longValue(execution, REFERRAL_ID);
        String hardshipKey = "HV-" + execution.getProcessBusinessKey();
        if (runtime.createProcessInstanceQuery()
                        .processInstanceBusinessKey(hardshipKey)
                        .processDefinitionKey(HardshipProcess.KEY)
                        .count()
                == 0) {
            runtime.createProcessInstanceByKey(HardshipProcess.KEY)
                    .businessKey(hardshipKey)
                    .setVariables(Variables.createVariables()
                            .putValue(HardshipProcess.ID_NUMBER, requiredString(execution, ID_NUMBER))
                            .putValue(HardshipProcess.PERSON_NAME, "")
                            .putValue(HardshipProcess.REGION_CODE, requiredString(execution, REGION_CODE))
                            .putValue(HardshipProcess.COVERAGE_YEAR, execution.getVariable(COVERAGE_YEAR))
                            .putValue(
                                    HardshipProcess.CLAIMED_CATEGORIES,
                                    Variables.objectValue(new ArrayList<>(
                                                    com.yibaoflow.shared.process.ProcessVariables.strings(
                                                            execution, HARDSHIP_CATEGORIES)))
                                            .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                                            .create()))
                    .execute();
        }
        jdbc.update(
                "update yibao.high_cost_referral set hardship_business_key = ? where id = ?", hardshipKey, referralId);
        List<String> names =
                com.yibaoflow.shared.process.ProcessVariables.strings(execution, HARDSHIP_CATEGORIES).stream()
                        .map(c -> HardshipCategory.valueOf(c).chineseName())
                        .toList();
        events.publishEvent(new ReferralEvents.ReferralHandedToHardship(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                hardshipKey,
                "部门核实认定为" + String.join("、", names) + "，已发起困难身份认定"));
    }

    // ---- Task_RoutineCheck / Task_CloseReferral -----------------------------------------------------------------

    /**
     * The routine follow-up (R-MON-03): the out-of-pocket cost of the person's claims settled since the referral (the
     * opening scan's as-of day) and since the last check. Per claim, total minus the basic, critical-illness and
     * assistance payments it carries; a claim without them counts whole (an upper bound: the layers are annual and
     * cannot be split per claim). Still at risk when the period's cost reaches {@code follow-up-risk-share} of the
     * person's warning line.
     */
    void routineCheck(DelegateExecution execution) {
        long referralId = longValue(execution, REFERRAL_ID);
        var referral = jdbc.queryForMap(
                "select id_number, referred_as_of, warning_line from yibao.high_cost_referral where id = ?",
                referralId);
        String idNumber = (String) referral.get("id_number");
        LocalDate referredAsOf = ((Date) referral.get("referred_as_of")).toLocalDate();
        LocalDate from = jdbc
                .queryForList(
                        "select max(period_to) from yibao.high_cost_referral_check where referral_id = ?",
                        Date.class,
                        referralId)
                .stream()
                .filter(d -> d != null)
                .map(Date::toLocalDate)
                .findFirst()
                .orElse(referredAsOf);
        LocalDate to = clock.today();
        BigDecimal sinceReferral = outOfPocket(idNumber, referredAsOf, to);
        BigDecimal inPeriod = outOfPocket(idNumber, from, to);
        BigDecimal threshold = Money.times((BigDecimal) referral.get("warning_line"), properties.followUpRiskShare());
        boolean atRisk = inPeriod.compareTo(threshold) >= 0;
        jdbc.update(
                """
                insert into yibao.high_cost_referral_check (referral_id, checked_at, period_from, period_to,
                    cost_since_referral, cost_in_period, risk_threshold, still_at_risk)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                referralId,
                Timestamp.from(clock.instant()),
                Date.valueOf(from),
                Date.valueOf(to),
                sinceReferral,
                inPeriod,
                threshold,
                atRisk);
        if (!atRisk) {
            jdbc.update(
                    "update yibao.high_cost_referral set state = 'CLOSED', closed_at = ? where id = ?",
                    Timestamp.from(clock.instant()),
                    referralId);
        }
        execution.setVariable(STILL_AT_RISK, atRisk);
        events.publishEvent(new ReferralEvents.ReferralChecked(
                CaseEvent.newId(),
                clock.instant(),
                execution.getProcessBusinessKey(),
                atRisk,
                "定期回访：转介以来个人自付" + sinceReferral.toPlainString() + "元，" + from + "至" + to + "个人自付"
                        + inPeriod.toPlainString() + "元，"
                        + (atRisk
                                ? "达到回访风险线" + threshold.toPlainString() + "元，仍有风险，继续跟踪"
                                : "低于回访风险线" + threshold.toPlainString() + "元，风险已解除，案件关闭")));
    }

    private BigDecimal outOfPocket(String idNumber, LocalDate after, LocalDate upTo) {
        BigDecimal sum = jdbc.queryForObject("""
                select coalesce(sum(total_cost - coalesce(basic_paid, 0) - coalesce(critical_paid, 0)
                    - coalesce(assistance_paid, 0)), 0)
                from yibao.claim where id_number = ? and settlement_date > ? and settlement_date <= ?""", BigDecimal.class, idNumber, Date.valueOf(after), Date.valueOf(upTo));
        return Money.of(sum);
    }
}
