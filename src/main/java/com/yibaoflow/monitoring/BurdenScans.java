package com.yibaoflow.monitoring;

import com.yibaoflow.hardship.Rosters;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.benefit.Delivery;
import com.yibaoflow.policy.calc.benefit.InpatientBenefitCalculator;
import com.yibaoflow.policy.calc.benefit.InpatientInput;
import com.yibaoflow.policy.calc.benefit.InpatientResult;
import com.yibaoflow.policy.calc.burden.BurdenCalculator;
import com.yibaoflow.policy.calc.burden.BurdenInput;
import com.yibaoflow.policy.calc.burden.BurdenResult;
import com.yibaoflow.policy.calc.burden.BurdenStatus;
import com.yibaoflow.shared.problem.DomainException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    /** A person's sums from the database: claims with every paid amount ({@code known…}) and those without. */
    record Totals(
            String idNumber,
            int claims,
            BigDecimal total,
            BigDecimal knownScope,
            BigDecimal knownBasic,
            BigDecimal knownCritical,
            BigDecimal knownAssistance,
            BigDecimal unknownTotal,
            BigDecimal unknownScope,
            boolean rural) {}

    private final JdbcTemplate jdbc;
    private final PolicyService policies;
    private final Rosters rosters;
    private final Clock clock;
    private final Referrals referrals;
    private final BurdenCalculator burden = new BurdenCalculator();
    private final InpatientBenefitCalculator benefits = new InpatientBenefitCalculator();

    BurdenScans(JdbcTemplate jdbc, PolicyService policies, Rosters rosters, Clock clock, Referrals referrals) {
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
        Map<PopulationGroup, BigDecimal> lines = new EnumMap<>(PopulationGroup.class);
        for (PopulationGroup group : PopulationGroup.values()) {
            lines.put(
                    group,
                    burden.calculate(snapshot, new BurdenInput(group, Money.ZERO))
                            .warningLine());
        }
        BigDecimal lowest = lines.values().stream().min(BigDecimal::compareTo).orElseThrow();

        int[] scanned = {0};
        List<Totals> candidates = new ArrayList<>();
        jdbc.query(
                PERSON_TOTALS,
                rs -> {
                    scanned[0] = rs.getInt("scanned");
                    candidates.add(new Totals(
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
                candidates.stream().map(Totals::idNumber).toList(), regionCode, coverageYear, asOf);
        List<Warning> warnings = new ArrayList<>();
        for (Totals person : candidates) {
            List<String> listed = categories.getOrDefault(person.idNumber(), List.of());
            Warning warning = assess(snapshot, person, listed);
            if (warning != null) {
                warnings.add(warning);
            }
        }

        long durationMs = (System.nanoTime() - started) / 1_000_000;
        long id = jdbc.queryForObject(
                """
                insert into yibao.monitoring_scan (region_code, coverage_year, as_of, policy_label, started_by,
                    started_at, duration_ms, scanned, candidates, warnings)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""",
                Long.class,
                regionCode,
                coverageYear,
                Date.valueOf(asOf),
                snapshot.label(),
                userId,
                Timestamp.from(startedAt),
                durationMs,
                scanned[0],
                candidates.size(),
                warnings.size());
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
        // issue #19 §3: every warning opens a referral for a newly warned person, or raises the open one; the engine's
        // part (the cases' processes and events) is queued for the background worker, so the scan returns at once
        Referrals.Queued queued = referrals.queue(id, regionCode, coverageYear, asOf, lines.values(), userId);
        jdbc.update(
                "update yibao.monitoring_scan set referrals_opened = ?, referrals_raised = ?, duration_ms = ? where id = ?",
                queued.opened(),
                queued.raised(),
                (System.nanoTime() - started) / 1_000_000,
                id);
        return find(id).orElseThrow();
    }

    /** R-MON-01 out-of-pocket and R-MON-02 verdict for one candidate; null if below the line. */
    private Warning assess(PolicySnapshot snapshot, Totals person, List<String> listed) {
        Set<HardshipCategory> categories = listed.stream()
                .map(HardshipCategory::parse)
                .filter(c -> c != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HardshipCategory.class)));
        PopulationGroup group = PopulationGroups.of(categories, person.rural());
        BigDecimal basic = person.knownBasic();
        BigDecimal critical = person.knownCritical();
        BigDecimal assistance = person.knownAssistance();
        boolean computed = person.unknownTotal().signum() > 0;
        if (computed) {
            // R-BEN-01..06 over the yearly totals of the claims without paid amounts, after what the others paid
            BigDecimal ciBase = Money.positivePart(person.knownScope().subtract(basic));
            BigDecimal assistanceBase = Money.positivePart(ciBase.subtract(critical));
            InpatientResult layers = benefits.calculate(
                    snapshot,
                    new InpatientInput(
                            person.unknownTotal(),
                            person.unknownScope(),
                            Delivery.NONE,
                            false,
                            categories,
                            null,
                            basic,
                            ciBase,
                            critical,
                            assistanceBase,
                            assistance));
            basic = basic.add(layers.basicFundPayment());
            critical = critical.add(layers.criticalIllnessPayment());
            assistance = assistance.add(layers.medicalAssistance());
        }
        BigDecimal outOfPocket = Money.positivePart(
                person.total().subtract(basic).subtract(critical).subtract(assistance));
        BurdenResult result = burden.calculate(snapshot, new BurdenInput(group, outOfPocket));
        if (result.status() != BurdenStatus.WARNING) {
            return null;
        }
        return new Warning(
                person.idNumber(),
                group,
                listed,
                person.claims(),
                person.total(),
                basic,
                critical,
                assistance,
                outOfPocket,
                result.warningLine(),
                computed);
    }

    /** For each warned person of the scan: the referral of that person and year (the latest) and its state. */
    Map<String, String[]> referralsOf(Scan scan) {
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

    Optional<Scan> find(long id) {
        List<Warning> warnings = jdbc.query(
                """
                select id_number, population_group, categories, claims, total_cost, basic_paid, critical_paid,
                       assistance_paid, out_of_pocket, warning_line, layers_computed
                from yibao.monitoring_warning where scan_id = ? order by id_number""",
                (rs, i) -> new Warning(
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
                        (rs, i) -> new Scan(
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
