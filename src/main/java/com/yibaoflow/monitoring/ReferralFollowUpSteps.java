package com.yibaoflow.monitoring;

import static com.yibaoflow.monitoring.ReferralProcess.*;
import static com.yibaoflow.shared.process.ProcessVariables.longValue;
import static com.yibaoflow.shared.process.ProcessVariables.requiredString;

import com.yibaoflow.hardship.HardshipProcess;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.time.ShiftableClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral's follow-up in {@code processes/high-cost-referral.bpmn} once both departments have answered (issue
 * #19 §3, R-MON-03): the categories they identified, the hardship verification of those, the routine checks until
 * the risk is gone.
 */
@Service
@Transactional
class ReferralFollowUpSteps {

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final ShiftableClock clock;
    private final MonitoringProperties properties;

    ReferralFollowUpSteps(
            JdbcTemplate jdbc,
            RuntimeService runtime,
            ApplicationEventPublisher events,
            ShiftableClock clock,
            MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
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
