package com.yibaoflow.monitoring;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a referral for every newly warned person and year of a scan, or raises the open one (issue #19 §3, R-MON-02):
 * one set-based statement inside the scan's transaction, so that a scan's warnings and its referral rows commit
 * together. What the engine has to do per case (start its process, update its facts, record the event) is queued in
 * {@code high_cost_referral_pending} and done in batches by {@link ReferralOpenings}: the scan returns in seconds even
 * when it refers tens of thousands of people.
 *
 * <p>The partial unique index {@code high_cost_referral_one_open} decides races: of two scans warning the same person
 * at once, the second waits for the first's insert and then takes the update path, which changes nothing unless it
 * reaches a higher line; it never opens a second case. The rows are inserted in ID-number order, so two scans of the
 * same region lock them in the same order.
 *
 * <p>"Line reached" is the highest warning line of the policy (any group's line at or above the person's own) that
 * the out-of-pocket cost reaches. A later scan reaching a higher one updates the open case and says so in its history
 * ({@link ReferralEvents.ReferralRaised}). A person whose referral was closed is referred again in the same year only
 * when a scan finds them over a higher line than the closed case reached (the year-to-date cost never falls, so
 * otherwise every monthly scan would reopen it); the new case's business key gets {@code -2}, {@code -3}, ….
 */
@Service
class Referrals {

    /** What a scan did to the referrals: cases opened and cases raised, each queued for {@link ReferralOpenings}. */
    record Queued(int opened, int raised) {}

    /**
     * Parameters: the policy's warning lines ({@code numeric[]} text), coverage year, scan id; business-key prefix,
     * region, coverage year, scan id twice, as-of day, now; coverage year (closed cases); scan id, actor, now.
     */
    static final String QUEUE = """
            with w as (
                select w.*,
                       greatest(w.warning_line, (select max(l) from unnest(?::numeric[]) l where l <= w.out_of_pocket))
                           as reached,
                       (select count(*) from yibao.high_cost_referral e
                        where e.id_number = w.id_number and e.coverage_year = ?) as earlier
                from yibao.monitoring_warning w where w.scan_id = ?),
            changed as (
                insert into yibao.high_cost_referral (business_key, id_number, region_code, coverage_year, state,
                    population_group, categories, warning_line, line_reached, out_of_pocket, total_cost, basic_paid,
                    critical_paid, assistance_paid, claims, first_scan_id, last_scan_id, referred_as_of, opened_at)
                select ? || w.id_number || case when w.earlier = 0 then '' else '-' || (w.earlier + 1) end,
                       w.id_number, ?, ?, 'VERIFYING', w.population_group, w.categories, w.warning_line, w.reached,
                       w.out_of_pocket, w.total_cost, w.basic_paid, w.critical_paid, w.assistance_paid, w.claims,
                       ?, ?, ?, ?
                from w
                where not exists (select 1 from yibao.high_cost_referral c where c.id_number = w.id_number
                    and c.coverage_year = ? and c.state = 'CLOSED' and c.line_reached >= w.reached)
                order by w.id_number
                on conflict (id_number, coverage_year) where state <> 'CLOSED' do update set
                    population_group = excluded.population_group, categories = excluded.categories,
                    warning_line = excluded.warning_line, line_reached = excluded.line_reached,
                    out_of_pocket = excluded.out_of_pocket, total_cost = excluded.total_cost,
                    basic_paid = excluded.basic_paid, critical_paid = excluded.critical_paid,
                    assistance_paid = excluded.assistance_paid, claims = excluded.claims,
                    last_scan_id = excluded.last_scan_id, raised_at = excluded.opened_at
                where excluded.line_reached > high_cost_referral.line_reached
                returning id, (xmax = 0) as inserted),
            queued as (
                insert into yibao.high_cost_referral_pending (referral_id, scan_id, kind, actor, queued_at)
                select id, ?, case when inserted then 'OPEN' else 'RAISE' end, ?, ? from changed order by id
                returning kind)
            select count(*) filter (where kind = 'OPEN'), count(*) filter (where kind = 'RAISE') from queued""";

    private final JdbcTemplate jdbc;
    private final RuntimeService runtime;
    private final Clock clock;

    Referrals(JdbcTemplate jdbc, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Opens or raises the referrals of the scan's recorded warnings ({@code monitoring_warning}) and queues their
     * engine work; when anything was queued, starts {@code high-cost-referral-openings}, whose first step is a job, so
     * that the scan's transaction writes only that job (the queue itself is durable: a later run takes what is left).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Queued queue(
            long scanId,
            String regionCode,
            int coverageYear,
            LocalDate asOf,
            Collection<BigDecimal> warningLines,
            String actor) {
        Timestamp now = Timestamp.from(clock.instant());
        String lines = warningLines.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(",", "{", "}"));
        Queued queued = jdbc.queryForObject(
                QUEUE,
                (rs, i) -> new Queued(rs.getInt(1), rs.getInt(2)),
                lines,
                coverageYear,
                scanId,
                ReferralProcess.businessKey(regionCode, coverageYear, ""),
                regionCode,
                coverageYear,
                scanId,
                scanId,
                Date.valueOf(asOf),
                now,
                coverageYear,
                scanId,
                actor,
                now);
        if (queued.opened() + queued.raised() > 0) {
            runtime.startProcessInstanceByKey(
                    ReferralOpenings.KEY, Variables.createVariables().putValue(ReferralOpenings.SCAN_ID, scanId));
        }
        return queued;
    }
}
