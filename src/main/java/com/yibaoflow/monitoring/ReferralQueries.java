package com.yibaoflow.monitoring;

import com.yibaoflow.monitoring.ReferralViews.CheckView;
import com.yibaoflow.monitoring.ReferralViews.OutcomeView;
import com.yibaoflow.monitoring.ReferralViews.ReferralView;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.web.PageView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read side of referrals (issue #19 §4): the paged listing, a person's referrals ({@link PersonBurdens}); with outcomes and checks. */
@Service
@Transactional(readOnly = true)
class ReferralQueries {

    private static final String REFERRAL_COLUMNS = """
            id, business_key, id_number, region_code, coverage_year, state, population_group, warning_line,
            line_reached, out_of_pocket, first_scan_id, last_scan_id, referred_as_of, opened_at, raised_at, closed_at,
            process_instance_id, hardship_business_key,
            (select s.policy_label from yibao.monitoring_scan s where s.id = r.last_scan_id) as policy_label""";

    private final JdbcTemplate jdbc;
    private final LineProvenance lines;

    ReferralQueries(JdbcTemplate jdbc, LineProvenance lines) {
        this.jdbc = jdbc;
        this.lines = lines;
    }

    /**
     * Referrals in the visible regions, newest first; {@code department} keeps those still awaiting that department's
     * outcome.
     */
    PageView<ReferralView> list(
            Collection<String> visible, String regionCode, String state, String department, int page, int size) {
        StringBuilder where = new StringBuilder(" where region_code = any(?)");
        List<Object> args = new ArrayList<>();
        args.add(visible.toArray(String[]::new));
        if (regionCode != null) {
            where.append(" and region_code = ?");
            args.add(regionCode);
        }
        if (state != null) {
            where.append(" and state = ?");
            args.add(state);
        }
        if (department != null) {
            where.append(" and state = 'VERIFYING' and not exists (select 1 from yibao.high_cost_referral_outcome o"
                    + " where o.referral_id = r.id and o.department = ?)");
            args.add(department);
        }
        long total = jdbc.queryForObject(
                "select count(*) from yibao.high_cost_referral r" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(size);
        pageArgs.add((long) page * size);
        List<ReferralView> content = withDetails(jdbc.query(
                "select " + REFERRAL_COLUMNS + " from yibao.high_cost_referral r" + where
                        + " order by id desc limit ? offset ?",
                (rs, i) -> referral(rs),
                pageArgs.toArray()));
        return new PageView<>(content, page, size, total, (int) ((total + size - 1) / size));
    }

    /** A person's referrals in the given regions, oldest first, with outcomes and checks. */
    List<ReferralView> ofPerson(String idNumber, String[] regions) {
        return withDetails(jdbc.query(
                "select " + REFERRAL_COLUMNS
                        + " from yibao.high_cost_referral r where id_number = ? and region_code = any(?) order by id",
                (rs, i) -> referral(rs),
                idNumber,
                regions));
    }

    private List<ReferralView> withDetails(List<ReferralView> referrals) {
        if (referrals.isEmpty()) {
            return referrals;
        }
        Long[] ids = referrals.stream().map(ReferralView::id).toArray(Long[]::new);
        Map<Long, List<OutcomeView>> outcomes = new HashMap<>();
        jdbc.query(
                """
                select referral_id, department, outcome, category, reason, decided_by, decided_at
                from yibao.high_cost_referral_outcome where referral_id = any(?) order by decided_at, department""",
                rs -> {
                    ReferralOutcome o = ReferralOutcome.valueOf(rs.getString(3));
                    outcomes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new OutcomeView(
                                    rs.getString(2),
                                    o.name(),
                                    o.chineseName(),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getTimestamp(7).toInstant()));
                },
                (Object) ids);
        Map<Long, List<CheckView>> checks = new HashMap<>();
        jdbc.query(
                """
                select referral_id, checked_at, period_from, period_to, cost_since_referral, cost_in_period,
                       risk_threshold, still_at_risk
                from yibao.high_cost_referral_check where referral_id = any(?) order by checked_at""",
                rs -> {
                    checks.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new CheckView(
                                    rs.getTimestamp(2).toInstant(),
                                    rs.getDate(3).toLocalDate(),
                                    rs.getDate(4).toLocalDate(),
                                    rs.getBigDecimal(5),
                                    rs.getBigDecimal(6),
                                    rs.getBigDecimal(7),
                                    rs.getBoolean(8)));
                },
                (Object) ids);
        List<ReferralView> result = new ArrayList<>();
        LineProvenance.Lookup provenance = lines.lookup();
        for (ReferralView r : referrals) {
            List<OutcomeView> answered = outcomes.getOrDefault(r.id(), List.of());
            List<String> awaiting = "VERIFYING".equals(r.state())
                    ? ReferralProcess.DEPARTMENTS.stream()
                            .filter(d -> answered.stream()
                                    .noneMatch(o -> o.department().equals(d)))
                            .toList()
                    : List.of();
            result.add(new ReferralView(
                    r.id(),
                    r.businessKey(),
                    r.idNumberMasked(),
                    r.regionCode(),
                    r.coverageYear(),
                    r.state(),
                    r.populationGroup(),
                    r.warningLine(),
                    r.lineReached(),
                    r.outOfPocket(),
                    r.firstScanId(),
                    r.lastScanId(),
                    r.referredAsOf(),
                    r.openedAt(),
                    r.raisedAt(),
                    r.closedAt(),
                    r.processInstanceId(),
                    r.hardshipBusinessKey(),
                    awaiting,
                    answered,
                    checks.getOrDefault(r.id(), List.of()),
                    r.policyLabel(),
                    provenance.of(r.policyLabel(), r.populationGroup())));
        }
        return result;
    }

    private static ReferralView referral(ResultSet rs) throws SQLException {
        return new ReferralView(
                rs.getLong("id"),
                rs.getString("business_key"),
                ResidentIdNumber.mask(rs.getString("id_number")),
                rs.getString("region_code"),
                rs.getInt("coverage_year"),
                rs.getString("state"),
                rs.getString("population_group"),
                rs.getBigDecimal("warning_line"),
                rs.getBigDecimal("line_reached"),
                rs.getBigDecimal("out_of_pocket"),
                rs.getLong("first_scan_id"),
                rs.getLong("last_scan_id"),
                rs.getDate("referred_as_of").toLocalDate(),
                instant(rs.getTimestamp("opened_at")),
                instant(rs.getTimestamp("raised_at")),
                instant(rs.getTimestamp("closed_at")),
                rs.getString("process_instance_id"),
                rs.getString("hardship_business_key"),
                List.of(),
                List.of(),
                List.of(),
                rs.getString("policy_label"),
                Map.of());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
