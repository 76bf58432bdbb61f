package com.yibaoflow.monitoring;

import com.yibaoflow.hardship.Rosters;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.shared.problem.DomainException;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The burden scan (R-MON-01, R-MON-02): per person, the region's claims settled from 1 January of the coverage year
 * to the day, summed in the database. Out-of-pocket = total − basic − critical illness − assistance. Only people
 * whose out-of-pocket can reach the lowest warning line come to Java (the bound takes nothing as paid for claims
 * without paid amounts). For those claims the three layers are computed with the policy's inpatient calculator over
 * the person's yearly totals, on top of what the other claims say was paid (deductibles and caps are annual). The
 * person's group comes from the hardship rosters; the line and the verdict from the policy's burden calculator, whose
 * warning lines are the region's SAMPLE-flagged policy parameters ({@code monitoring.warningLines}).
 */
@Service
class BurdenScans {

    /**
     * Per person of the region, the claims settled in the period summed (parameters: region, first day, last day,
     * lowest warning line); only people whose out-of-pocket can reach the line come back, with the count of all.
     */
    static final String PERSON_TOTALS = """
                    with person as (
                        select id_number, count(*) as claims, sum(total_cost) as total,
                               coalesce(sum(policy_scope_cost) filter (where known), 0) as known_scope,
                               coalesce(sum(basic_paid) filter (where known), 0) as known_basic,
                               coalesce(sum(critical_paid) filter (where known), 0) as known_critical,
                               coalesce(sum(assistance_paid) filter (where known), 0) as known_assistance,
                               coalesce(sum(total_cost) filter (where not known), 0) as unknown_total,
                               coalesce(sum(policy_scope_cost) filter (where not known), 0) as unknown_scope,
                               coalesce(bool_or(rural), false) as rural
                        from (select c.*, basic_paid is not null and critical_paid is not null
                                          and assistance_paid is not null as known
                              from yibao.claim c
                              where region_code = ? and settlement_date between ? and ?) c
                        group by id_number)
                    select p.*, (select count(*) from person) as scanned from person p
                    where total - known_basic - known_critical - known_assistance >= ?
                    order by id_number""";

    record Warning(
            String idNumber,
            PopulationGroup populationGroup,
            List<String> categories,
            int claims,
            BigDecimal totalCost,
            BigDecimal basicPaid,
            BigDecimal criticalIllnessPaid,
            BigDecimal assistancePaid,
            BigDecimal outOfPocket,
            BigDecimal warningLine,
            boolean layersComputed) {}

    record Scan(
            long id,
            String regionCode,
            int coverageYear,
            LocalDate asOf,
            String policy,
            String startedBy,
            Instant startedAt,
            long durationMs,
            int scanned,
            int candidates,
            int warnings,
            int referralsOpened,
            int referralsRaised,
            int referralsPending,
            int referralProcessesStarted,
            List<Warning> warningList) {}

    private final JdbcTemplate jdbc;
    private final PolicyService policies;
    private final Rosters rosters;
    private final Clock clock;
    private final Referrals referrals;
    private final ScanRecords records;
    private final BurdenAssessment assessment = new BurdenAssessment();

    BurdenScans(
            JdbcTemplate jdbc,
            PolicyService policies,
            Rosters rosters,
            Clock clock,
            Referrals referrals,
            ScanRecords records) {
        this.records = records;
        this.jdbc = jdbc;
        this.policies = policies;
        this.rosters = rosters;
        this.clock = clock;
        this.referrals = referrals;
    }

    @Transactional
    public Scan scan(String regionCode, int coverageYear, LocalDate asOf, String userId) {
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        if (asOf.getYear() != coverageYear) {
            throw DomainException.invalidField(
                    "asOf", "must lie in the coverage year " + coverageYear + ", was " + asOf);
        }
        PolicySnapshot snapshot = policies.activeSnapshot(regionCode, coverageYear);
        BurdenAssessment.Lines warningLines = assessment.lines(snapshot);
        Map<PopulationGroup, BigDecimal> lines = warningLines.byGroup();
        BigDecimal lowest = lines.values().stream().min(BigDecimal::compareTo).orElseThrow();

        int[] scanned = {0};
        List<BurdenAssessment.Totals> candidates = new ArrayList<>();
        jdbc.query(
                PERSON_TOTALS,
                rs -> {
                    scanned[0] = rs.getInt("scanned");
                    candidates.add(new BurdenAssessment.Totals(
                            rs.getString("id_number"),
                            rs.getInt("claims"),
                            rs.getBigDecimal("total"),
                            rs.getBigDecimal("known_scope"),
                            rs.getBigDecimal("known_basic"),
                            rs.getBigDecimal("known_critical"),
                            rs.getBigDecimal("known_assistance"),
                            rs.getBigDecimal("unknown_total"),
                            rs.getBigDecimal("unknown_scope"),
                            rs.getBoolean("rural")));
                },
                regionCode,
                Date.valueOf(LocalDate.of(coverageYear, 1, 1)),
                Date.valueOf(asOf),
                lowest);
        if (candidates.isEmpty()) {
            scanned[0] = jdbc.queryForObject(
                    """
                    select count(distinct id_number) from yibao.claim
                    where region_code = ? and settlement_date between ? and ?""", Integer.class, regionCode, Date.valueOf(LocalDate.of(coverageYear, 1, 1)), Date.valueOf(asOf));
        }

        Map<String, List<String>> categories = rosters.currentCategoriesOf(
                candidates.stream().map(BurdenAssessment.Totals::idNumber).toList(), regionCode, coverageYear, asOf);
        List<Warning> warnings = new ArrayList<>();
        for (BurdenAssessment.Totals person : candidates) {
            List<String> listed = categories.getOrDefault(person.idNumber(), List.of());
            Warning warning = assessment.assess(snapshot, person, listed);
            if (warning != null) {
                warnings.add(warning);
            }
        }

        long durationMs = (System.nanoTime() - started) / 1_000_000;
        long id = records.record(
                regionCode,
                coverageYear,
                asOf,
                snapshot.label(),
                userId,
                startedAt,
                started,
                scanned[0],
                candidates.size(),
                warnings,
                warningLines.provenance());
        // issue #19 §3: every warning opens a referral for a newly warned person, or raises the open one; the engine's
        // part (the cases' processes and events) is queued for the background worker, so the scan returns at once
        Referrals.Queued queued = referrals.queue(id, regionCode, coverageYear, asOf, lines.values(), userId);
        records.finish(id, queued, started);
        return records.find(id).orElseThrow();
    }
}
