package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatterEvents.FundWarningDecided;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.process.CandidateGroups;
import com.yibaoflow.shared.process.ProcessVariables;
import java.time.Clock;
import java.time.YearMonth;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * R-MM-06, issue #18 §6: a recorded fund warning starts {@code processes/fund-warning.bpmn}, whose one task asks the
 * region's medical-security supervisors to judge the warning and either draft a benefit-adjustment request
 * (prefilled from the month's figures, editable) or record why no request is made. A "draft" decision submits the
 * request through {@link MajorMatterSubmissions#submit}, the same code as {@code POST /api/major-matters}, in the name of
 * the supervisor who decided.
 */
@Component
class FundWarnings {

    static final String KEY = "fund-warning";
    static final String TASK_REVIEW = "Task_ReviewFundWarning";

    static final String REGION_CODE = MajorMatterProcess.REGION_CODE;
    /** The region and month as the task's name says them (东至县, 2026年3月), issue #21 §3. */
    static final String REGION_NAME = MajorMatterProcess.REGION_NAME;

    static final String MONTH_LABEL = "monthLabel";
    static final String MONTH = "month";
    static final String INCOME = "income";
    static final String EXPENDITURE = "expenditure";
    static final String BALANCE = "balance";
    static final String MONTHS_COVERED = "monthsCovered";
    static final String THRESHOLD_MONTHS = "thresholdMonths";
    /** Where the figures the form shows come from, in Chinese (issue #17 item 2). */
    static final String FIGURES_PROVENANCE = "fundFiguresProvenance";

    static final String WARNING_SUMMARY = "warningSummary";
    static final String DRAFT_TITLE = "draftTitle";
    static final String DRAFT_SITUATION = "draftSituation";
    static final String DRAFT_PROPOSAL = "draftProposal";
    static final String DECISION = "fundWarningDecision";
    static final String NO_REQUEST_REASON = "noRequestReason";
    static final String DECIDED_BY = "decidedBy";
    static final String MAJOR_MATTER_ID = "majorMatterId";
    static final String MAJOR_MATTER_DOCUMENT_NUMBER = "majorMatterDocumentNumber";

    static final String DRAFT = "DRAFT";
    static final String NO_REQUEST = "NO_REQUEST";

    private final RuntimeService runtime;
    private final MajorMatterSubmissions matters;
    private final MajorMatterAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    FundWarnings(
            RuntimeService runtime,
            MajorMatterSubmissions matters,
            MajorMatterAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.runtime = runtime;
        this.matters = matters;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    static String businessKey(String regionCode, YearMonth month) {
        return "FW-" + regionCode + "-" + month;
    }

    /** Starts the reminder of a warning just recorded, in the transaction that recorded it. */
    void start(FundIndicator indicator) {
        YearMonth month = YearMonth.from(indicator.month());
        String covered = indicator.monthsCovered().toPlainString();
        String threshold = indicator.thresholdMonths().stripTrailingZeros().toPlainString();
        String title = "关于" + month.getYear() + "年" + month.getMonthValue() + "月基金支付风险调整城乡居民医保待遇的请示";
        String situation = month.getYear() + "年" + month.getMonthValue() + "月，本统筹区城乡居民医保基金收入 "
                + indicator.income().toPlainString() + " 元，支出 "
                + indicator.expenditure().toPlainString()
                + " 元，累计结余 " + indicator.balance().toPlainString() + " 元，按当月支出仅可支付 " + covered
                + " 个月，低于 " + threshold + " 个月的预警线，基金存在支付风险（R-MM-06）。";
        String proposal = "建议按规定调整城乡居民医保待遇政策，确保基金收支平衡、略有结余。（请填写具体调整方案）";
        runtime.createProcessInstanceByKey(KEY)
                .businessKey(businessKey(indicator.regionCode(), month))
                .setVariables(Variables.createVariables()
                        .putValue(REGION_CODE, indicator.regionCode())
                        .putValue(REGION_NAME, access.regionName(indicator.regionCode()))
                        .putValue(MONTH, month.toString())
                        .putValue(MONTH_LABEL, month.getYear() + "年" + month.getMonthValue() + "月")
                        .putValue(INCOME, indicator.income().toPlainString())
                        .putValue(EXPENDITURE, indicator.expenditure().toPlainString())
                        .putValue(BALANCE, indicator.balance().toPlainString())
                        .putValue(MONTHS_COVERED, covered)
                        .putValue(THRESHOLD_MONTHS, threshold)
                        .putValue(FIGURES_PROVENANCE, figuresProvenance(month))
                        .putValue(WARNING_SUMMARY, month + " 累计结余仅可支付 " + covered + " 个月（预警线 " + threshold + " 个月）")
                        .putValue(DRAFT_TITLE, title)
                        .putValue(DRAFT_SITUATION, situation)
                        .putValue(DRAFT_PROPOSAL, proposal))
                .execute();
    }

    /**
     * The fund figures are the region's reported monthly data and the warning line entered with them, not policy
     * parameters: no seed, outside document or sample stands behind them, and the form says so.
     */
    static String figuresProvenance(YearMonth month) {
        return "来源：本统筹区报送的" + month.getYear() + "年" + month.getMonthValue()
                + "月基金运行数据及报送时录入的预警线（非政策参数）；可支付月数 = 累计结余 ÷ 当月支出";
    }

    /** Engine listener of the review task: claiming or completing it is for the region's supervisors only. */
    void assigned(DelegateTask task) {
        if (task.getAssignee() != null) {
            requireMayAct(task, task.getAssignee());
        }
    }

    /** Engine listener: the decision is checked (a reason for no request, a title and text for a draft). */
    void completed(DelegateTask task) {
        String actor = actor(task);
        if (actor == null) {
            throw DomainException.forbidden(task.getName() + "须由本地区医保局主管领取后办理");
        }
        requireMayAct(task, actor);
        String decision = ProcessVariables.string(task, DECISION);
        if (DRAFT.equals(decision)) {
            for (String field : new String[] {DRAFT_TITLE, DRAFT_SITUATION, DRAFT_PROPOSAL}) {
                if (blank(ProcessVariables.string(task, field))) {
                    throw DomainException.invalidField(field, "起草请示时标题、基本情况和请示事项均不能为空");
                }
            }
            if (ProcessVariables.string(task, DRAFT_TITLE).strip().length() > 200) {
                throw DomainException.invalidField(DRAFT_TITLE, "标题最多200字");
            }
        } else if (NO_REQUEST.equals(decision)) {
            if (blank(ProcessVariables.string(task, NO_REQUEST_REASON))) {
                throw DomainException.invalidField(NO_REQUEST_REASON, "不起草请示时须说明理由");
            }
        } else {
            throw DomainException.invalidField(DECISION, "请选择：起草待遇调整请示，或不起草请示并说明理由");
        }
        task.setVariable(DECIDED_BY, actor);
        events.publishEvent(new FundWarningDecided(
                CaseEvent.newId(),
                clock.instant(),
                task.getExecution().getBusinessKey(),
                ProcessVariables.string(task, REGION_CODE),
                ProcessVariables.string(task, MONTH),
                decision,
                DRAFT.equals(decision)
                        ? "研判基金运行风险预警：起草待遇调整请示"
                        : "研判基金运行风险预警：不起草请示，理由："
                                + ProcessVariables.string(task, NO_REQUEST_REASON)
                                        .strip(),
                actor));
    }

    /**
     * The service task after a "draft" decision: the benefit-adjustment request is submitted (numbered, its process
     * started) in the name of the supervisor who decided, as {@code POST /api/major-matters} would.
     */
    void submitDraft(DelegateExecution execution) {
        String userId = ProcessVariables.string(execution, DECIDED_BY);
        StaffPrincipal user = access.principalOf(userId);
        MajorMatter m = matters.submit(
                new MajorMatterSubmissions.Draft(
                        MajorMatterType.BENEFIT_ADJUSTMENT,
                        ProcessVariables.string(execution, DRAFT_TITLE).strip(),
                        ProcessVariables.string(execution, DRAFT_SITUATION).strip(),
                        ProcessVariables.string(execution, DRAFT_PROPOSAL).strip(),
                        ProcessVariables.string(execution, REGION_CODE),
                        null),
                user);
        execution.setVariable(MAJOR_MATTER_ID, m.id());
        execution.setVariable(MAJOR_MATTER_DOCUMENT_NUMBER, m.documentNumber());
    }

    private void requireMayAct(DelegateTask task, String userId) {
        access.requireMayAct(
                userId,
                task.getTaskDefinitionKey(),
                task.getName(),
                CandidateGroups.of(task.getCandidates()),
                ProcessVariables.string(task, REGION_CODE));
    }

    /** Who acts: the user logged in to the engine (Tasklist), else the assignee. */
    private static String actor(DelegateTask task) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null
                ? authentication.getUserId()
                : task.getAssignee();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
