package com.yibaoflow.monitoring;

import static com.yibaoflow.monitoring.ReferralProcess.*;

import com.yibaoflow.enrollment.EnrollmentQueries;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionDirectory;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The engine's part of the referrals a scan queued ({@link Referrals}, issue #19 §3): one batch of
 * {@code high_cost_referral_pending} per call, in the caller's transaction (a job of
 * {@code processes/high-cost-referral-openings.bpmn}). An {@code OPEN} starts the case's {@code high-cost-referral}
 * process with its cost summary and records {@link ReferralEvents.ReferralOpened}; a {@code RAISE} writes the case's
 * new figures into its process and records {@link ReferralEvents.ReferralRaised}. The batch's queue rows are deleted
 * in the same transaction.
 *
 * <p>Crash-safe and never twice: the batch is taken {@code FOR UPDATE SKIP LOCKED} (two workers take different rows),
 * and a node that dies mid-batch rolls back the process starts, the events and the deletes together, so the rows are
 * queued again for the job's retry or the next scan's worker. A case whose process is already started (its
 * {@code process_instance_id}, read under the row lock) is not started again.
 */
@Service
class ReferralOpenings {

    static final String KEY = "high-cost-referral-openings";
    static final String SCAN_ID = "scanId";
    static final String MORE_QUEUED = "moreQueued";

    /** A queued piece of work with the case's current row (figures of its latest scan). */
    private record Pending(
            long queueId,
            String kind,
            String actor,
            long scanId,
            LocalDate scanAsOf,
            long referralId,
            String businessKey,
            String idNumber,
            String regionCode,
            int coverageYear,
            String processInstanceId,
            ReferralFacts facts) {}

    private static final String BATCH = """
            select q.id as queue_id, q.kind, q.actor, q.scan_id, qs.as_of as scan_as_of, r.id, r.business_key,
                   r.id_number, r.region_code, r.coverage_year, r.process_instance_id, r.population_group,
                   r.categories, r.warning_line, r.line_reached, r.out_of_pocket, r.total_cost, r.basic_paid,
                   r.critical_paid, r.assistance_paid, r.claims, ls.as_of as last_as_of,
                   ls.lines_provenance, coalesce(lw.layers_computed, false) as layers_computed
            from yibao.high_cost_referral_pending q
            join yibao.monitoring_scan qs on qs.id = q.scan_id
            join yibao.high_cost_referral r on r.id = q.referral_id
            join yibao.monitoring_scan ls on ls.id = r.last_scan_id
            left join yibao.monitoring_warning lw on lw.scan_id = r.last_scan_id and lw.id_number = r.id_number
            order by q.id limit ?
            for update of q, r skip locked""";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final ApplicationEventPublisher events;
    private final ShiftableClock clock;
    private final MonitoringProperties properties;
    private final EnrollmentQueries enrollments;
    private final RegionDirectory regions;

    ReferralOpenings(
            JdbcTemplate jdbc,
            RuntimeService runtime,
            ApplicationEventPublisher events,
            ShiftableClock clock,
            MonitoringProperties properties,
            EnrollmentQueries enrollments,
            RegionDirectory regions) {
        this.regions = regions;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.enrollments = enrollments;
    }

    /** Does at most {@code max} queued pieces of work, oldest first; returns how many it took. */
    @Transactional
    public int openBatch(int max) {
        List<Pending> batch = jdbc.query(BATCH, (rs, i) -> pending(rs), max);
        List<Object[]> started = new ArrayList<>();
        Map<String, String> names = enrollments.names(batch.stream()
                .filter(p -> "OPEN".equals(p.kind()) && p.processInstanceId() == null)
                .map(Pending::idNumber)
                .toList());
        Map<String, String> regionNames = regions.all().stream().collect(Collectors.toMap(Region::code, Region::name));
        for (Pending p : batch) {
            if ("OPEN".equals(p.kind())) {
                if (p.processInstanceId() == null) {
                    started.add(new Object[] {
                        open(
                                p,
                                names.getOrDefault(p.idNumber(), UNKNOWN_PERSON),
                                regionNames.getOrDefault(p.regionCode(), p.regionCode())),
                        p.referralId()
                    });
                }
            } else {
                raise(p);
            }
        }
        jdbc.batchUpdate("update yibao.high_cost_referral set process_instance_id = ? where id = ?", started);
        jdbc.batchUpdate(
                "delete from yibao.high_cost_referral_pending where id = ?",
                batch.stream().map(p -> new Object[] {p.queueId()}).toList());
        return batch.size();
    }

    /** How many pieces the worker's jobs take at a time ({@code yibaoflow.monitoring.referral-opening-batch}). */
    int batchSize() {
        return properties.referralOpeningBatch();
    }

    private String open(Pending p, String name, String regionName) {
        ReferralFacts f = p.facts();
        String masked = ResidentIdNumber.mask(p.idNumber());
        VariableMap variables = f.variables()
                .putValue(REFERRAL_ID, p.referralId())
                .putValue(ID_NUMBER, p.idNumber())
                .putValue(ID_NUMBER_MASKED, masked)
                .putValue(PERSON_NAME, name)
                .putValue(REGION_CODE, p.regionCode())
                .putValue(REGION_NAME, regionName)
                .putValue(COVERAGE_YEAR, p.coverageYear())
                .putValue(DEPARTMENT_LIST, DEPARTMENTS)
                .putValue(VERIFICATION_WORKING_DAYS, properties.verificationWorkingDays())
                .putValue(ESCALATION_WORKING_DAYS, properties.escalationWorkingDays())
                .putValue(FOLLOW_UP_PERIOD, properties.followUpPeriod());
        String pi = runtime.createProcessInstanceByKey(ReferralProcess.KEY)
                .businessKey(p.businessKey())
                .setVariables(variables)
                .execute()
                .getId();
        events.publishEvent(new ReferralEvents.ReferralOpened(
                CaseEvent.newId(),
                clock.instant(),
                p.businessKey(),
                p.scanId(),
                masked + "本年度截至" + f.asOf() + "个人自付" + f.outOfPocket().toPlainString() + "元，达到"
                        + ReferralOutcome.groupLabel(PopulationGroup.valueOf(f.populationGroup())) + "预警线"
                        + f.warningLine().toPlainString() + "元，已推送民政部门和农业农村部门核实（R-MON-02）",
                p.actor()));
        return pi;
    }

    /** The open case's new figures into its process; a case still to be opened gets them when it opens. */
    private void raise(Pending p) {
        if (p.processInstanceId() != null) {
            runtime.setVariables(p.processInstanceId(), p.facts().variables());
        }
        events.publishEvent(new ReferralEvents.ReferralRaised(
                CaseEvent.newId(),
                clock.instant(),
                p.businessKey(),
                p.scanId(),
                ResidentIdNumber.mask(p.idNumber()) + "截至" + p.scanAsOf() + "个人自付"
                        + p.facts().outOfPocket().toPlainString() + "元，已达到更高预警线"
                        + p.facts().lineReached().toPlainString() + "元，案件已更新",
                p.actor()));
    }

    private static Pending pending(ResultSet rs) throws SQLException {
        return new Pending(
                rs.getLong("queue_id"),
                rs.getString("kind"),
                rs.getString("actor"),
                rs.getLong("scan_id"),
                rs.getDate("scan_as_of").toLocalDate(),
                rs.getLong("id"),
                rs.getString("business_key"),
                rs.getString("id_number"),
                rs.getString("region_code"),
                rs.getInt("coverage_year"),
                rs.getString("process_instance_id"),
                ReferralFacts.of(rs));
    }
}
