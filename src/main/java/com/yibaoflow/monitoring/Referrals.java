package com.yibaoflow.monitoring;

import static com.yibaoflow.monitoring.ReferralProcess.*;

import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a referral for a newly warned person and year, or raises the open one (issue #19 §3, R-MON-02). Called by
 * {@link BurdenScans} for every warning, inside the scan's transaction, so that a scan's warnings and its referrals
 * commit together. The partial unique index {@code high_cost_referral_one_open} decides races: of two scans warning the
 * same person at once, the second waits for the first's insert and then takes the update path, which changes
 * nothing unless it reaches a higher line; it never opens a second case.
 *
 * <p>"Line reached" is the highest warning line of the policy (any group's line at or above the person's own) that
 * the out-of-pocket cost reaches. A later scan reaching a higher one updates the open case and says so in its history
 * ({@link ReferralEvents.ReferralRaised}). A person whose referral was closed is referred again in the same year only
 * when a scan finds them over a higher line than the closed case reached (the year-to-date cost never falls, so
 * otherwise every monthly scan would reopen it).
 */
@Service
class Referrals {

    enum Change {
        OPENED,
        RAISED,
        UNCHANGED
    }

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final ShiftableClock clock;
    private final MonitoringProperties properties;

    Referrals(
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

    /** The highest of {@code lines} at or above {@code own} that {@code outOfPocket} reaches; at least {@code own}. */
    static BigDecimal lineReached(Collection<BigDecimal> lines, BigDecimal own, BigDecimal outOfPocket) {
        BigDecimal reached = own;
        for (BigDecimal line : lines) {
            if (line.compareTo(reached) > 0 && outOfPocket.compareTo(line) >= 0) {
                reached = line;
            }
        }
        return reached;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Change onWarning(
            long scanId,
            String regionCode,
            int coverageYear,
            LocalDate asOf,
            BurdenScans.Warning w,
            BigDecimal lineReached,
            String linesProvenance,
            String actor) {
        String id = w.idNumber();
        int earlier = jdbc.queryForObject(
                "select count(*) from yibao.high_cost_referral where id_number = ? and coverage_year = ?",
                Integer.class,
                id,
                coverageYear);
        String key = businessKey(regionCode, coverageYear, id) + (earlier == 0 ? "" : "-" + (earlier + 1));
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> changed = jdbc.query(
                """
                insert into yibao.high_cost_referral (business_key, id_number, region_code, coverage_year, state,
                    population_group, categories, warning_line, line_reached, out_of_pocket, total_cost, basic_paid,
                    critical_paid, assistance_paid, claims, first_scan_id, last_scan_id, referred_as_of, opened_at)
                select ?, ?, ?, ?, 'VERIFYING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
                where not exists (select 1 from yibao.high_cost_referral c where c.id_number = ?
                    and c.coverage_year = ? and c.state = 'CLOSED' and c.line_reached >= ?)
                on conflict (id_number, coverage_year) where state <> 'CLOSED' do update set
                    population_group = excluded.population_group, categories = excluded.categories,
                    warning_line = excluded.warning_line, line_reached = excluded.line_reached,
                    out_of_pocket = excluded.out_of_pocket, total_cost = excluded.total_cost,
                    basic_paid = excluded.basic_paid, critical_paid = excluded.critical_paid,
                    assistance_paid = excluded.assistance_paid, claims = excluded.claims,
                    last_scan_id = excluded.last_scan_id, raised_at = excluded.opened_at
                where excluded.line_reached > high_cost_referral.line_reached
                returning id, business_key, process_instance_id, (xmax = 0) as inserted""",
                (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)},
                key,
                id,
                regionCode,
                coverageYear,
                w.populationGroup().name(),
                String.join(",", w.categories()),
                w.warningLine(),
                lineReached,
                w.outOfPocket(),
                w.totalCost(),
                w.basicPaid(),
                w.criticalIllnessPaid(),
                w.assistancePaid(),
                w.claims(),
                scanId,
                scanId,
                Date.valueOf(asOf),
                now,
                id,
                coverageYear,
                lineReached);
        if (changed.isEmpty()) {
            return Change.UNCHANGED;
        }
        long referralId = (Long) changed.get(0)[0];
        String businessKey = (String) changed.get(0)[1];
        String masked = ResidentIdNumber.mask(id);
        if ((Boolean) changed.get(0)[3]) {
            VariableMap variables = facts(w, lineReached, asOf, linesProvenance)
                    .putValue(REFERRAL_ID, referralId)
                    .putValue(ID_NUMBER, id)
                    .putValue(ID_NUMBER_MASKED, masked)
                    .putValue(REGION_CODE, regionCode)
                    .putValue(COVERAGE_YEAR, coverageYear)
                    .putValue(DEPARTMENT_LIST, DEPARTMENTS)
                    .putValue(VERIFICATION_WORKING_DAYS, properties.verificationWorkingDays())
                    .putValue(ESCALATION_WORKING_DAYS, properties.escalationWorkingDays())
                    .putValue(FOLLOW_UP_PERIOD, properties.followUpPeriod());
            String pi = runtime.createProcessInstanceByKey(KEY)
                    .businessKey(businessKey)
                    .setVariables(variables)
                    .execute()
                    .getId();
            jdbc.update("update yibao.high_cost_referral set process_instance_id = ? where id = ?", pi, referralId);
            events.publishEvent(new ReferralEvents.ReferralOpened(
                    CaseEvent.newId(),
                    clock.instant(),
                    businessKey,
                    scanId,
                    masked + "本年度截至" + asOf + "个人自付" + w.outOfPocket().toPlainString() + "元，达到"
                            + ReferralOutcome.groupLabel(w.populationGroup()) + "预警线"
                            + w.warningLine().toPlainString() + "元，已推送民政部门和农业农村部门核实（R-MON-02）",
                    actor));
            return Change.OPENED;
        }
        String pi = (String) changed.get(0)[2];
        if (pi != null) {
            runtime.setVariables(pi, facts(w, lineReached, asOf, linesProvenance));
        }
        events.publishEvent(new ReferralEvents.ReferralRaised(
                CaseEvent.newId(),
                clock.instant(),
                businessKey,
                scanId,
                masked + "截至" + asOf + "个人自付" + w.outOfPocket().toPlainString() + "元，已达到更高预警线"
                        + lineReached.toPlainString() + "元，案件已更新",
                actor));
        return Change.RAISED;
    }

    private static VariableMap facts(
            BurdenScans.Warning w, BigDecimal lineReached, LocalDate asOf, String linesProvenance) {
        return Variables.createVariables()
                .putValue(WARNING_LINE_PROVENANCE, linesProvenance)
                .putValue(COSTS_PROVENANCE, costsProvenance(w, asOf))
                .putValue(POPULATION_GROUP_LABEL, ReferralOutcome.groupLabel(w.populationGroup()))
                .putValue(CATEGORIES_LABEL, w.categories().isEmpty() ? "无" : String.join("、", w.categories()))
                .putValue(OUT_OF_POCKET, w.outOfPocket().toPlainString())
                .putValue(WARNING_LINE, w.warningLine().toPlainString())
                .putValue(LINE_REACHED, lineReached.toPlainString())
                .putValue(TOTAL_COST, w.totalCost().toPlainString())
                .putValue(BASIC_PAID, w.basicPaid().toPlainString())
                .putValue(CRITICAL_ILLNESS_PAID, w.criticalIllnessPaid().toPlainString())
                .putValue(ASSISTANCE_PAID, w.assistancePaid().toPlainString())
                .putValue(CLAIM_COUNT, w.claims())
                .putValue(SCAN_AS_OF, asOf.toString());
    }

    /**
     * The cost figures are settlement data, not policy figures; where a claim came without its paid amounts the
     * scan computed the layers with the policy's inpatient calculator, and the form says so.
     */
    static String costsProvenance(BurdenScans.Warning w, LocalDate asOf) {
        String settled = "来源：截至" + asOf + "已导入的医保结算数据（非政策参数）";
        return w.layersComputed() ? settled + "；未报支付金额的结算按本年度政策参数测算，参数来源见政策版本" : settled;
    }
}
