package com.yibaoflow.enrollment;

import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.identity.Roles;
import com.yibaoflow.notification.NotificationService;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.contribution.Relationship;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodInput;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import com.yibaoflow.shared.time.DueDates;
import com.yibaoflow.shared.time.ShiftableClock;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.yibaoflow.enrollment.EnrollmentProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.flag;
import static com.yibaoflow.shared.process.ProcessVariables.integer;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.string;
import static com.yibaoflow.shared.process.ProcessVariables.strings;

/**
 * What the steps of {@code processes/enrollment.bpmn} do (docs/process-contracts.md). Each public method is one
 * step; the delegates in {@link EnrollmentDelegates} only hand the execution over. Every step reads the case row,
 * changes it and writes the variables the next gateway reads, in the engine's transaction.
 */
@Service
@Transactional(noRollbackFor = BpmnError.class) // a BPMN error is a modelled outcome, caught by a boundary event
public class EnrollmentSteps {

    static final String REJECTION_DETAIL = "rejectionDetail";
    static final String PAID_AT = "paidAt";
    static final String PAID_AMOUNT = "paidAmount";
    static final String WITHDRAWN_BY = "withdrawnBy";

    private final EnrollmentCases cases;
    private final Coverages coverages;
    private final PolicyService policies;
    private final ResidentRecords records;
    private final ObjectProvider<HardshipRosterMatches> rosterMatches;
    /** Looked up once: a bean lookup on every eligibility check showed in the job executor's profile. */
    private volatile HardshipRosterMatches resolvedRosterMatches;
    private final NotificationService notifications;
    private final TaskService tasks;
    private final HistoryService history;
    private final DueDates dueDates;
    private final ShiftableClock clock;
    private final EnrollmentProperties properties;
    private final ApplicationEventPublisher events;
    private final CaseHistory caseHistory;
    private final ContributionCalculator contribution = new ContributionCalculator();
    private final WaitingPeriodCalculator waiting = new WaitingPeriodCalculator();

    EnrollmentSteps(EnrollmentCases cases, Coverages coverages, PolicyService policies, ResidentRecords records,
                    ObjectProvider<HardshipRosterMatches> rosterMatches, NotificationService notifications,
                    TaskService tasks, HistoryService history, DueDates dueDates, ShiftableClock clock,
                    EnrollmentProperties properties, ApplicationEventPublisher events, CaseHistory caseHistory) {
        this.cases = cases;
        this.coverages = coverages;
        this.policies = policies;
        this.records = records;
        this.rosterMatches = rosterMatches;
        this.notifications = notifications;
        this.tasks = tasks;
        this.history = history;
        this.dueDates = dueDates;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
        this.caseHistory = caseHistory;
    }

    // ---- Task_RegisterCase ------------------------------------------------------------------------------------

    /**
     * Links the case the API or roster door created; for the Tasklist door creates it from the start form. A live
     * case of the same person and year ends the process as a duplicate (R-ELIG-02).
     */
    public void register(DelegateExecution execution) {
        Long caseId = longValue(execution, CASE_ID);
        if (caseId != null) {
            EnrollmentCase c = caseOf(execution);
            if (c.processInstanceId() == null) {
                c.linkProcess(execution.getProcessInstanceId());
            }
            return; // the applicant's data stays in the case row until a form or the hardship call needs it
        }
        String idNumber = Optional.ofNullable(string(execution, ID_NUMBER)).map(String::toUpperCase).orElse("");
        String regionCode = Optional.ofNullable(string(execution, REGION_CODE)).orElse("");
        Integer coverageYear = integer(execution, COVERAGE_YEAR);
        if (idNumber.length() != 18 || regionCode.length() != 6 || coverageYear == null) {
            throw new ProcessEngineException("Start form incomplete: idNumber, regionCode and coverageYear are required");
        }
        Optional<EnrollmentCase> live = cases.findLive(idNumber, coverageYear);
        if (live.isPresent()) {
            throw new BpmnError(ERROR_DUPLICATE_ENROLLMENT, "R-ELIG-02: 该居民" + coverageYear + "年度已有参保登记（案件 "
                    + live.get().id() + "，" + live.get().regionCode() + "）");
        }
        Application application = new Application(regionCode, coverageYear, idNumber,
                Optional.ofNullable(string(execution, NAME)).orElse(""),
                Optional.ofNullable(ApplicationRules.residence(string(execution, RESIDENCE))).orElse(Residence.LOCAL_HUKOU),
                string(execution, RESIDENCE_PERMIT_NUMBER),
                Optional.ofNullable(string(execution, TOWNSHIP)).orElse(""),
                string(execution, PHONE), ApplicationRules.categoryCodes(strings(execution, CLAIMED_CATEGORIES)),
                null, 0);
        EnrollmentCase c = cases.save(new EnrollmentCase(application, EnrollmentSource.TASKLIST, null,
                clock.instant(), startUserOf(execution)));
        c.linkProcess(execution.getProcessInstanceId());
        cases.flush(); // one insert, linked; a concurrent intake of the same person fails this step, not the commit
        execution.setProcessBusinessKey(c.businessKey());
        execution.setVariable(CASE_ID, c.id());
        execution.setVariable(ID_NUMBER, idNumber);
        execution.setVariable(ID_NUMBER_MASKED, ResidentIdNumber.mask(idNumber));
        execution.setVariable(CLAIMED_CATEGORIES, new ArrayList<>(c.claimedCategories()));
    }

    // ---- Task_CheckIdentity -----------------------------------------------------------------------------------

    /** GB 11643 check digit, birth date and sex from the number, name present (issue #4 §2). */
    public void checkIdentity(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        boolean valid;
        if (!ResidentIdNumber.isValid(c.idNumber())) {
            valid = false;
            reject(execution, RejectionReason.INVALID_IDENTITY, "身份证号码校验不通过（GB 11643 校验码错误或出生日期无效）");
        } else if (c.name() == null || c.name().isBlank()) {
            valid = false;
            reject(execution, RejectionReason.INVALID_IDENTITY, "姓名为空");
        } else {
            ResidentIdNumber id = ResidentIdNumber.parse(c.idNumber());
            c.identity(id.birthDate(), id.sex().name());
            valid = true;
        }
        gate(execution, IDENTITY_VALID, valid);
    }

    // ---- Task_CheckEligibility --------------------------------------------------------------------------------

    /**
     * R-ELIG-01/02: residence basis, no enrollment elsewhere, no employee insurance for the same period; then the
     * exceptions that need a caseworker (issue #4 §6) and the hardship claims to verify (§4).
     */
    public void checkEligibility(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        LocalDate today = clock.today();
        PolicySnapshot snapshot;
        try {
            snapshot = policies.activeSnapshot(c.regionCode(), c.coverageYear());
        } catch (DomainException e) {
            ineligible(execution, RejectionReason.NO_ACTIVE_POLICY,
                    "参保地区" + c.regionCode() + "无" + c.coverageYear() + "年度有效政策参数");
            return;
        }
        Periods periods = snapshot.parameters().periods();
        if (today.isAfter(periods.coverageEnd())) {
            ineligible(execution, RejectionReason.COVERAGE_YEAR_OVER,
                    c.coverageYear() + "年度待遇期已于" + periods.coverageEnd() + "结束");
            return;
        }
        ResidentRecords.EligibilityFacts facts = records.eligibilityFacts(c.idNumber(), c.coverageYear(),
                c.regionCode(), periods.coverageStart(), periods.coverageEnd());
        Optional<String> elsewhere = facts.enrolledElsewhere();
        if (elsewhere.isPresent()) {
            ineligible(execution, RejectionReason.ENROLLED_ELSEWHERE,
                    "R-ELIG-02: 已在统筹地区" + elsewhere.get() + "参加" + c.coverageYear() + "年度居民医保");
            return;
        }
        Optional<String> employee = facts.employeeInsurance();
        if (employee.isPresent()) {
            ineligible(execution, RejectionReason.EMPLOYEE_INSURED,
                    "R-ELIG-02: 同期已参加职工基本医疗保险（" + employee.get() + "）");
            return;
        }
        gate(execution, ELIGIBLE, true);

        List<ReviewReason> reasons = new ArrayList<>();
        if (c.residence() == Residence.NON_LOCAL_RESIDENT
                && (c.residencePermitNumber() == null || c.residencePermitNumber().isBlank())) {
            reasons.add(ReviewReason.NON_LOCAL_WITHOUT_PERMIT);
        }
        if (today.isAfter(periods.collectionEnd()) && c.residence() != Residence.NEWBORN) {
            reasons.add(ReviewReason.OUTSIDE_COLLECTION_PERIOD);
        }
        if (facts.lastEnrolledName().filter(name -> !name.equals(c.name())).isPresent()) {
            reasons.add(ReviewReason.DATA_CONFLICT_NAME);
        }
        if (c.residence() == Residence.NEWBORN && c.birthDate() != null
                && c.birthDate().getYear() < c.coverageYear() - 1) {
            reasons.add(ReviewReason.DATA_CONFLICT_NEWBORN_AGE);
        }
        c.needsReview(reasons.stream().map(Enum::name).toList(), clock.instant());
        if (!reasons.isEmpty()) {
            execution.setVariable(REVIEW_REASONS,
                    String.join("；", reasons.stream().map(ReviewReason::chineseText).toList()));
            execution.setVariable(REVIEW_DUE_DATE, dueDates.workingDaysFromNow(properties.reviewWorkingDays()));
        }

        // issue #4 §4: claimed categories, and categories a current department roster lists the person under
        Set<String> claims = new LinkedHashSet<>(c.claimedCategories());
        HardshipRosterMatches matches = rosterMatches();
        if (matches != null) {
            claims.addAll(matches.currentCategories(c.idNumber(), c.regionCode(), c.coverageYear(), today));
        }
        gate(execution, HAS_HARDSHIP_CLAIMS, !claims.isEmpty());
        // the calculation step reads it in this transaction, or after the hardship call's wait states
        gate(execution, NEEDS_REVIEW, !reasons.isEmpty(), !claims.isEmpty());
        if (!claims.isEmpty()) {
            execution.setVariable(HARDSHIP_CLAIMS, new ArrayList<>(claims));
        }
        if (!reasons.isEmpty() || !claims.isEmpty()) {
            // the review and correction forms and the hardship call read the applicant's data as variables; a
            // straight-through case never needs them, which keeps its history small
            execution.setVariables(EnrollmentService.variablesOf(c));
        }
    }

    // ---- Task_CalculateContribution ---------------------------------------------------------------------------

    /**
     * Contribution, subsidy and fiscal split over the verified categories (R-FUND, R-SUB), and the waiting period
     * as it stands if paid today (R-WAIT; recalculated with the real payment date at activation). Sets the payment
     * deadline and the reminder.
     */
    public void calculate(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        PolicySnapshot snapshot = policies.activeSnapshot(c.regionCode(), c.coverageYear());
        Periods periods = snapshot.parameters().periods();
        List<String> verified = strings(execution, VERIFIED_CATEGORIES);
        Set<HardshipCategory> categories = EnumSet.noneOf(HardshipCategory.class);
        verified.forEach(code -> categories.add(HardshipCategory.valueOf(code)));
        ContributionResult figures = contribution.calculate(snapshot,
                new ContributionInput(c.residence(), categories, payerOf(c)));

        LocalDate today = clock.today();
        LocalDate assumedPayment = today.isBefore(periods.collectionStart()) ? periods.collectionStart() : today;
        WaitingPeriodResult waitingPeriod = waitingPeriod(snapshot, c, assumedPayment);

        c.figures(new EnrollmentCase.Figures(verified,
                figures.appliedCategory() == null ? null : figures.appliedCategory().name(),
                figures.individualStandard(), figures.subsidy(), figures.personalDue(), figures.fiscalSubsidy(),
                figures.centralFiscalShare(), figures.localFiscalShare(), figures.policyVersion(),
                waitingPeriod.exempt(), waitingPeriod.fixedMonths(), waitingPeriod.variableMonths(),
                waitingPeriod.benefitStartDate(), figures.explanation(), waitingPeriod.explanation()), clock.instant());

        LocalDate deadline = today.isAfter(periods.collectionEnd())
                ? min(today.plusDays(properties.latePaymentDays()), periods.coverageEnd())
                : periods.collectionEnd();
        c.paymentDeadline(deadline); // the payment deadline sweep reminds and lapses by it (PaymentDeadlineSweep)
        boolean dueIsZero = figures.personalDue().signum() == 0;
        boolean needsReview = flag(execution, NEEDS_REVIEW);
        c.moveTo(needsReview ? EnrollmentStatus.IN_REVIEW
                : dueIsZero ? EnrollmentStatus.RECEIVED : EnrollmentStatus.AWAITING_PAYMENT, clock.instant());

        gate(execution, PERSONAL_DUE_IS_ZERO, dueIsZero, needsReview); // read after the review task, if any
        if (needsReview) { // shown in the review form; the case row keeps every figure in any case
            execution.setVariable(PERSONAL_DUE, figures.personalDue().toPlainString());
            execution.setVariable(POLICY_VERSION, figures.policyVersion());
        }
    }

    // ---- Task_ReviewEnrollment (task listener on complete) ----------------------------------------------------

    /** Checks and records a caseworker's review; a decision that cannot be acted on refuses the completion. */
    public void recordReview(DelegateTask task) {
        String decision = string(task, REVIEW_DECISION);
        if (decision == null || !List.of(APPROVE, REJECT, SEND_BACK).contains(decision)) {
            throw new ProcessEngineException("请选择审核结论（批准、不予参保或退回补正）");
        }
        EnrollmentCase c = caseOf(task, task.getProcessInstanceId());
        if (REJECT.equals(decision)) {
            String code = string(task, REVIEW_REASON_CODE);
            RejectionReason reason = reviewReason(code);
            if (reason == null) {
                throw new ProcessEngineException("不予参保时请选择原因");
            }
            task.getExecution().setVariable(REJECTION_REASON, reason.name());
            task.getExecution().setVariable(REJECTION_DETAIL,
                    Optional.ofNullable(string(task, REVIEW_COMMENT)).orElse("审核不予参保"));
        } else if (APPROVE.equals(decision)) {
            boolean dueIsZero = flag(task, PERSONAL_DUE_IS_ZERO);
            c.moveTo(dueIsZero ? EnrollmentStatus.RECEIVED : EnrollmentStatus.AWAITING_PAYMENT, clock.instant());
        }
        String comment = string(task, REVIEW_COMMENT);
        caseHistory.record(c.businessKey(), null, "REVIEW_" + decision, switch (decision) {
            case APPROVE -> "审核批准参保";
            case REJECT -> "审核不予参保（" + string(task, REVIEW_REASON_CODE) + "）";
            default -> "审核退回补正";
        } + (comment == null ? "" : "；审核意见：" + comment), task.getAssignee() == null ? "unassigned" : task.getAssignee());
    }

    // ---- Task_EscalateReview ----------------------------------------------------------------------------------

    /** Overdue review (issue #4 §6): the supervisors may now take the task; caseworkers and supervisors are told. */
    public void escalateReview(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        Task task = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_REVIEW).singleResult();
        if (task == null) {
            return; // completed in the meantime
        }
        tasks.addCandidateGroup(task.getId(), Roles.SUPERVISOR);
        caseHistory.record(c.businessKey(), null, "REVIEW_ESCALATED", "审核超过" + properties.reviewWorkingDays()
                + "个工作日未办结，已升级至主管", "system");
        String who = c.name() + "（" + ResidentIdNumber.mask(c.idNumber()) + "）";
        notifications.notify(Roles.SUPERVISOR, c.regionCode(), null, "参保登记审核超时，已升级至主管",
                who + "的" + c.coverageYear() + "年度参保登记审核已超过" + properties.reviewWorkingDays()
                        + "个工作日未办结，请主管督办或直接审核。", c.businessKey());
        String recipient = task.getAssignee() != null ? task.getAssignee() : Roles.CASEWORKER;
        notifications.notify(Roles.CASEWORKER, c.regionCode(), null, "参保登记审核已超时",
                "提醒" + (task.getAssignee() != null ? "经办人 " + recipient : "医保经办人员") + "：" + who
                        + "的参保登记审核已超时，已同时推送主管。", c.businessKey());
    }

    // ---- Task_ApplyCorrection ---------------------------------------------------------------------------------

    /** The corrected data from the correction form; what is missing or unusable keeps its earlier value. */
    public void applyCorrection(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        Residence residence = Optional.ofNullable(ApplicationRules.residence(string(execution, RESIDENCE)))
                .orElse(c.residence());
        String name = Optional.ofNullable(string(execution, NAME)).orElse(c.name());
        String township = Optional.ofNullable(string(execution, TOWNSHIP)).orElse(c.township());
        List<String> categories = ApplicationRules.categoryCodes(strings(execution, CLAIMED_CATEGORIES));
        Payer payer = payerOf(c);
        c.apply(new Application(c.regionCode(), c.coverageYear(), c.idNumber(), name, residence,
                string(execution, RESIDENCE_PERMIT_NUMBER), township, string(execution, PHONE), categories, payer,
                c.paidBackYears()), clock.instant());
        c.moveTo(EnrollmentStatus.RECEIVED, clock.instant());
        execution.setVariable(NAME, name);
        execution.setVariable(RESIDENCE, residence.name());
        execution.setVariable(TOWNSHIP, township);
        execution.setVariable(CLAIMED_CATEGORIES, new ArrayList<>(categories));
        execution.removeVariable(REVIEW_DECISION);
        execution.removeVariable(REVIEW_REASON_CODE);
    }

    // ---- Task_RemindTownship / Task_RecordLapse ---------------------------------------------------------------

    public void remindTownship(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        notifications.notify("townships", c.regionCode(), c.township(), "参保缴费提醒",
                c.township() + "：" + c.name() + "（" + ResidentIdNumber.mask(c.idNumber()) + "）尚未缴纳"
                        + c.coverageYear() + "年度居民医保个人缴费 " + c.personalDue().toPlainString() + " 元，缴费截止日期 "
                        + c.paymentDeadline() + "，请协助催缴。", c.businessKey());
    }

    public void recordLapse(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        c.moveTo(EnrollmentStatus.LAPSED, clock.instant());
        caseHistory.record(c.businessKey(), null, "LAPSED", "截至 " + c.paymentDeadline() + " 未缴费，参保登记失效", "system");
        notifications.notify("townships", c.regionCode(), c.township(), "参保登记因未缴费失效",
                c.name() + "（" + ResidentIdNumber.mask(c.idNumber()) + "）" + c.coverageYear() + "年度参保登记因截至 "
                        + c.paymentDeadline() + " 未缴费已失效，可重新申请。", c.businessKey());
    }

    // ---- Task_ActivateCoverage --------------------------------------------------------------------------------

    /**
     * The coverage record (issue #4 §8), with the waiting period recalculated on the real payment date: a newborn
     * paid within the grace days is covered from birth (R-ELIG-03).
     */
    public void activate(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        PolicySnapshot snapshot = policies.snapshot(c.regionCode(), c.coverageYear(), c.policyVersionNumber());
        Object paidAt = execution.getVariable(PAID_AT);
        LocalDate paymentDate = paidAt instanceof Date d
                ? d.toInstant().atZone(ClockConfiguration.ZONE).toLocalDate() : clock.today();
        Periods periods = snapshot.parameters().periods();
        if (paymentDate.isBefore(periods.collectionStart()) && c.residence() != Residence.STUDENT) {
            paymentDate = periods.collectionStart();
        }
        WaitingPeriodResult w = waitingPeriod(snapshot, c, paymentDate);
        c.waiting(w.exempt(), w.fixedMonths(), w.variableMonths(), w.benefitStartDate(), w.explanation(),
                clock.instant());
        String amount = string(execution, PAID_AMOUNT);
        coverages.save(new Coverage(c, amount == null ? BigDecimal.ZERO.setScale(2) : new BigDecimal(amount),
                string(execution, PAYMENT_REFERENCE), w.benefitStartDate(), periods.coverageEnd(),
                w.coveredFromBirth(), clock.instant()));
        c.moveTo(EnrollmentStatus.ENROLLED, clock.instant());
        caseHistory.record(c.businessKey(), w.coveredFromBirth() ? "R-ELIG-03" : "R-WAIT-05", "ENROLLED",
                "参保成功：个人缴费 " + (amount == null ? "0.00" : amount) + " 元"
                        + (string(execution, PAYMENT_REFERENCE) == null ? "（全额资助）"
                        : "（缴费凭证 " + string(execution, PAYMENT_REFERENCE) + "，缴费日期 " + paymentDate + "）")
                        + "，待遇享受期 " + w.benefitStartDate() + " 至 " + periods.coverageEnd()
                        + (w.coveredFromBirth() ? "（新生儿自出生之日起享受待遇）" : ""), "system");
        events.publishEvent(new EnrollmentActivated(c.idNumber(), c.regionCode(), c.coverageYear()));
    }

    // ---- Task_RecordRejection / Task_RecordWithdrawal ---------------------------------------------------------

    public void recordRejection(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        String reason = Optional.ofNullable(string(execution, REJECTION_REASON)).orElse(RejectionReason.OTHER.name());
        c.reject(reason, string(execution, REJECTION_DETAIL), clock.instant());
        caseHistory.record(c.businessKey(), reason.equals("EMPLOYEE_INSURED") || reason.equals("ENROLLED_ELSEWHERE")
                ? "R-ELIG-02" : null, "REJECTED", "不予参保（" + reason + "）"
                + (string(execution, REJECTION_DETAIL) == null ? "" : "：" + string(execution, REJECTION_DETAIL)),
                "system");
    }

    public void recordWithdrawal(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        c.moveTo(EnrollmentStatus.WITHDRAWN, clock.instant());
        caseHistory.record(c.businessKey(), null, "WITHDRAWN", "居民在缴费前撤回参保申请",
                Optional.ofNullable(string(execution, WITHDRAWN_BY)).orElse("system"));
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    /**
     * The case of the process: in an API application's first transaction the new case itself (transient
     * {@code newCase}, written by the intake after the steps); by {@code caseId} where the process has it (stored by
     * the roster and Tasklist doors); else by the process instance the case row is linked to: an API case keeps no
     * case variable (docs/process-contracts.md).
     */
    private EnrollmentCase caseOf(DelegateExecution execution) {
        return caseOf(execution, execution.getProcessInstanceId());
    }

    private EnrollmentCase caseOf(VariableScope scope, String processInstanceId) {
        if (scope.getVariable(NEW_CASE) instanceof EnrollmentCase newCase) {
            return newCase;
        }
        Long id = longValue(scope, CASE_ID);
        if (id != null) {
            return cases.findById(id).orElseThrow(() -> new IllegalStateException("No enrollment case " + id));
        }
        return cases.findByProcessInstanceId(processInstanceId).orElseThrow(
                () -> new IllegalStateException("No enrollment case for process instance " + processInstanceId));
    }

    /**
     * The case id for the hardship call ({@code enrollmentCaseId}), whichever way the process knows its case. The
     * verification refers to the case row, so a new case is persisted here, ahead of the intake's write.
     */
    public Long caseIdOf(DelegateExecution execution) {
        EnrollmentCase c = caseOf(execution);
        return c.id() != null ? c.id() : cases.save(c).id();
    }

    private void reject(DelegateExecution execution, RejectionReason reason, String detail) {
        execution.setVariable(REJECTION_REASON, reason.name());
        execution.setVariable(REJECTION_DETAIL, detail);
    }

    private void ineligible(DelegateExecution execution, RejectionReason reason, String detail) {
        gate(execution, ELIGIBLE, false);
        gate(execution, NEEDS_REVIEW, false);
        gate(execution, HAS_HARDSHIP_CLAIMS, false);
        reject(execution, reason, detail);
    }

    /**
     * A flag only the gateway right after the step reads, in the same transaction: transient, so it is neither
     * stored nor written to history (three rows a flag, every case; the reasons behind it are on the case and in its
     * case history).
     */
    private static void gate(DelegateExecution execution, String name, boolean value) {
        gate(execution, name, value, false);
    }

    /**
     * A flag that is stored only when a wait state lies between the step and the flag's reader ({@code needsReview}
     * before the hardship call, {@code personalDueIsZero} before the review task); transient on the straight path.
     */
    private static void gate(DelegateExecution execution, String name, boolean value, boolean readAfterWaitState) {
        // a flag stored earlier (by a case started before the flag became transient, or by an earlier round of the
        // correction loop) stays stored: the engine refuses to turn one kind into the other
        boolean stored = readAfterWaitState
                || execution.hasVariable(name) && !execution.getVariableTyped(name).isTransient();
        execution.setVariable(name, Variables.booleanValue(value, !stored));
    }

    private HardshipRosterMatches rosterMatches() {
        HardshipRosterMatches matches = resolvedRosterMatches;
        if (matches == null) {
            matches = rosterMatches.getIfAvailable();
            resolvedRosterMatches = matches;
        }
        return matches;
    }

    /** R-WAIT-01..05 with the earlier coverage years on record; back-paid years count up to the years missed. */
    private WaitingPeriodResult waitingPeriod(PolicySnapshot snapshot, EnrollmentCase c, LocalDate paymentDate) {
        Set<Integer> covered = new HashSet<>(records.coverageYearsBefore(c.idNumber(), c.coverageYear()));
        covered.removeIf(year -> c.birthDate() != null && year < c.birthDate().getYear());
        WaitingPeriodInput input = new WaitingPeriodInput(c.coverageYear(), paymentDate, c.birthDate(), c.residence(),
                covered, 0);
        WaitingPeriodResult result = waiting.calculate(snapshot, input);
        if (c.paidBackYears() > 0 && result.missedYears() > 0) {
            result = waiting.calculate(snapshot, new WaitingPeriodInput(c.coverageYear(), paymentDate, c.birthDate(),
                    c.residence(), covered, Math.min(c.paidBackYears(), result.missedYears())));
        }
        return result;
    }

    private static Payer payerOf(EnrollmentCase c) {
        return c.payerIdNumber() == null ? null
                : new Payer(c.payerIdNumber(), c.payerName(), Relationship.valueOf(c.payerRelationship()));
    }

    private static RejectionReason reviewReason(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "NOT_ELIGIBLE_RESIDENCE" -> RejectionReason.NOT_ELIGIBLE_RESIDENCE;
            case "EMPLOYEE_INSURED" -> RejectionReason.EMPLOYEE_INSURED;
            case "ENROLLED_ELSEWHERE" -> RejectionReason.ENROLLED_ELSEWHERE;
            case "DOCUMENTS_MISSING" -> RejectionReason.DOCUMENTS_MISSING;
            case "OTHER" -> RejectionReason.OTHER;
            default -> null;
        };
    }

    private String startUserOf(DelegateExecution execution) {
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery()
                .processInstanceId(execution.getProcessInstanceId()).singleResult();
        return pi != null && pi.getStartUserId() != null ? pi.getStartUserId() : "tasklist";
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
