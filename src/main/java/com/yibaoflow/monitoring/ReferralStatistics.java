package com.yibaoflow.monitoring;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals of high-cost patients of a region and coverage year (R-MON-02, R-MON-03) for the supervisor dashboard
 * (issue #21 §4): how many are being verified, followed up or closed, and what each department found.
 */
@Service
@Transactional(readOnly = true)
public class ReferralStatistics {

    /** The Chinese name of each referral state, in the order a case passes through them. */
    static final Map<String, String> STATE_NAMES =
            Map.of("VERIFYING", "部门核实中", "FOLLOWING_UP", "跟踪回访中", "CLOSED", "已结案");

    private static final List<String> STATES = List.of("VERIFYING", "FOLLOWING_UP", "CLOSED");

    /** Referrals in one state. */
    public record StateCount(String state, String stateName, long referrals) {}

    /** Outcomes a department (its group id) recorded, by outcome (R-MON-03). */
    public record OutcomeCount(String department, String outcome, String outcomeName, long referrals) {}

    /** All states (zeros included) and the outcomes recorded so far. */
    public record Referrals(List<StateCount> states, List<OutcomeCount> outcomes) {

        public long total() {
            return states.stream().mapToLong(StateCount::referrals).sum();
        }
    }

    private final JdbcTemplate jdbc;

    ReferralStatistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Referrals of(String regionCode, int coverageYear) {
        Map<String, Long> byState = new HashMap<>();
        jdbc.query(
                "select state, count(*) from yibao.high_cost_referral where region_code = ? and coverage_year = ?"
                        + " group by state",
                rs -> {
                    byState.put(rs.getString(1), rs.getLong(2));
                },
                regionCode,
                coverageYear);
        List<StateCount> states = STATES.stream()
                .map(s -> new StateCount(s, STATE_NAMES.get(s), byState.getOrDefault(s, 0L)))
                .toList();
        List<OutcomeCount> outcomes = jdbc.query(
                """
                select o.department, o.outcome, count(*)
                from yibao.high_cost_referral_outcome o join yibao.high_cost_referral r on r.id = o.referral_id
                where r.region_code = ? and r.coverage_year = ?
                group by o.department, o.outcome order by o.department, o.outcome""",
                (rs, i) -> {
                    ReferralOutcome outcome = ReferralOutcome.valueOf(rs.getString(2));
                    return new OutcomeCount(rs.getString(1), outcome.name(), outcome.chineseName(), rs.getLong(3));
                },
                regionCode,
                coverageYear);
        return new Referrals(states, outcomes);
    }
}
