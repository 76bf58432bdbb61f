package com.yibaoflow.monitoring;

import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The record of each burden scan ({@code monitoring_scan}) and its warnings ({@code monitoring_warning}): written by
 * {@link BurdenScans}, read back with the progress of the referral work it queued (issue #19 §2, §3, §4).
 */
@Repository
class ScanRecords {

    private final JdbcTemplate jdbc;

    ScanRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the scan and its warnings; returns the scan's id. {@code started} is the scan's System.nanoTime. */
    long record(
            String regionCode,
            int coverageYear,
            LocalDate asOf,
            String policyLabel,
            String userId,
            Instant startedAt,
            long started,
            int scanned,
            int candidates,
            List<BurdenScans.Warning> warnings,
            String linesProvenance) {
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        long id = jdbc.queryForObject(
                """
                insert into yibao.monitoring_scan (region_code, coverage_year, as_of, policy_label, started_by,
                    started_at, duration_ms, scanned, candidates, warnings, lines_provenance)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                regionCode,
                coverageYear,
                Date.valueOf(asOf),
                policyLabel,
                userId,
                Timestamp.from(startedAt),
                durationMs,
                scanned,
                candidates,
                warnings.size(),
                linesProvenance);
        jdbc.batchUpdate("""
                insert into yibao.monitoring_warning (scan_id, id_number, population_group, categories, claims,
                    total_cost, basic_paid, critical_paid, assistance_paid, out_of_pocket, warning_line,
                    layers_computed)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", warnings, 500, (ps, w) -> {
            ps.setLong(1, id);
            ps.setString(2, w.idNumber());
            ps.setString(3, w.populationGroup().name());
            ps.setString(4, String.join(",", w.categories()));
            ps.setInt(5, w.claims());
            ps.setBigDecimal(6, w.totalCost());
            ps.setBigDecimal(7, w.basicPaid());
            ps.setBigDecimal(8, w.criticalIllnessPaid());
            ps.setBigDecimal(9, w.assistancePaid());
            ps.setBigDecimal(10, w.outOfPocket());
            ps.setBigDecimal(11, w.warningLine());
            ps.setBoolean(12, w.layersComputed());
        });
        return id;
    }

    /** What the scan did to the referrals, and its whole duration. */
    void finish(long id, Referrals.Queued queued, long started) {
        jdbc.update(
                "update yibao.monitoring_scan set referrals_opened = ?, referrals_raised = ?, duration_ms = ? where id = ?",
                queued.opened(),
                queued.raised(),
                (System.nanoTime() - started) / 1_000_000,
                id);
    }

    /** For each warned person of the scan: the referral of that person and year (the latest) and its state. */
    Map<String, String[]> referralsOf(BurdenScans.Scan scan) {
        Map<String, String[]> result = new java.util.HashMap<>();
        jdbc.query(
                """
                select distinct on (r.id_number) r.id_number, r.business_key, r.state
                from yibao.high_cost_referral r
                join yibao.monitoring_warning w on w.id_number = r.id_number and w.scan_id = ?
                where r.coverage_year = ? order by r.id_number, r.id desc""",
                rs -> {
                    result.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
                },
                scan.id(),
                scan.coverageYear());
        return result;
    }

    Optional<BurdenScans.Scan> find(long id) {
        List<BurdenScans.Warning> warnings = jdbc.query(
                """
                select id_number, population_group, categories, claims, total_cost, basic_paid, critical_paid,
                       assistance_paid, out_of_pocket, warning_line, layers_computed
                from yibao.monitoring_warning where scan_id = ? order by id_number""",
                (rs, i) -> new BurdenScans.Warning(
                        rs.getString(1),
                        PopulationGroup.valueOf(rs.getString(2)),
                        rs.getString(3) == null || rs.getString(3).isEmpty()
                                ? List.of()
                                : List.of(rs.getString(3).split(",")),
                        rs.getInt(4),
                        rs.getBigDecimal(5),
                        rs.getBigDecimal(6),
                        rs.getBigDecimal(7),
                        rs.getBigDecimal(8),
                        rs.getBigDecimal(9),
                        rs.getBigDecimal(10),
                        rs.getBoolean(11)),
                id);
        return jdbc
                .query(
                        """
                        select id, region_code, coverage_year, as_of, policy_label, started_by, started_at,
                               duration_ms, scanned, candidates, warnings, referrals_opened, referrals_raised,
                               (select count(*) from yibao.high_cost_referral_pending q where q.scan_id = s.id),
                               (select count(*) from yibao.high_cost_referral r
                                where r.first_scan_id = s.id and r.process_instance_id is not null)
                        from yibao.monitoring_scan s where id = ?""",
                        (rs, i) -> new BurdenScans.Scan(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getDate(4).toLocalDate(),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant(),
                                rs.getLong(8),
                                rs.getInt(9),
                                rs.getInt(10),
                                rs.getInt(11),
                                rs.getInt(12),
                                rs.getInt(13),
                                rs.getInt(14),
                                rs.getInt(15),
                                warnings),
                        id)
                .stream()
                .findFirst();
    }
}
