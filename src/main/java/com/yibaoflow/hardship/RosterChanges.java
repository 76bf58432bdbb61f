package com.yibaoflow.hardship;

import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.shared.problem.DomainException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What a new roster version means for people already enrolled (issue #5 §3):
 * <ul>
 *   <li>R-SUB-10: a person removed from the roster, or whose entry changed, after enrolling and paying keeps the
 *       year as paid: nothing is refunded or re-charged; the case history records why.</li>
 *   <li>R-SUB-11: a person newly on the roster after the collection period, already enrolled for the year, gets the
 *       subsidy from the next coverage year: an entitlement the next year's enrollment applies automatically.</li>
 * </ul>
 */
@Service
class RosterChanges {

    record Applied(int entitlements, int historyEntries) {
    }

    private final JdbcTemplate jdbc;
    private final PolicyService policies;
    private final CaseHistory history;
    private final Clock clock;

    RosterChanges(JdbcTemplate jdbc, PolicyService policies, CaseHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.history = history;
        this.clock = clock;
    }

    Applied apply(long versionId, Long previous, String regionCode, LocalDate asOf, String userId) {
        int version = jdbc.queryForObject("select version from yibao.roster_version where id = ?", Integer.class,
                versionId);
        Timestamp now = Timestamp.from(clock.instant());
        int[] entries = {0};
        int[] entitlements = {0};
        // R-SUB-10: removed or changed entries of enrolled, paid people
        if (previous != null) {
            jdbc.query("""
                    select o.id_number, o.category, case when n.id is null then 'REMOVED' else 'CHANGED' end,
                           c.business_key, c.coverage_year, c.applied_category
                    from yibao.roster_entry o
                    left join yibao.roster_entry n on n.version_id = ? and n.id_number = o.id_number
                                                  and n.category = o.category
                    join yibao.enrollment_case c on c.id_number = o.id_number and c.region_code = ?
                                                 and c.status = 'ENROLLED' and c.coverage_year between ? and ?
                    where o.version_id = ? and (n.id is null or o.name <> n.name or o.valid_from <> n.valid_from
                          or o.valid_to is distinct from n.valid_to or o.township is distinct from n.township)""",
                    rs -> {
                        String category = HardshipCategory.valueOf(rs.getString(2)).chineseName();
                        boolean removed = rs.getString(3).equals("REMOVED");
                        String applied = rs.getString(6) == null ? "无"
                                : HardshipCategory.valueOf(rs.getString(6)).chineseName();
                        history.record(rs.getString(4), "R-SUB-10", removed ? "ROSTER_REMOVED" : "ROSTER_CHANGED",
                                "花名册第" + version + "版" + (removed ? "已移除" : "变更了") + "该居民的" + category + "身份信息；"
                                        + rs.getInt(5) + "年度已参保缴费，依 R-SUB-10 不退费、不补收，资助类别（" + applied
                                        + "）保持不变。", userId);
                        entries[0]++;
                    }, versionId, regionCode, asOf.getYear(), asOf.getYear() + 1, previous);
        }
        // R-SUB-11: newly listed after the collection period, already enrolled → subsidy from the next year
        jdbc.query("""
                select n.id_number, n.category, c.business_key, c.coverage_year, c.applied_category
                from yibao.roster_entry n
                join yibao.enrollment_case c on c.id_number = n.id_number and c.region_code = ?
                                             and c.status = 'ENROLLED' and c.coverage_year between ? and ?
                where n.version_id = ? and not exists (select 1 from yibao.roster_entry o where o.version_id = ?
                                                       and o.id_number = n.id_number and o.category = n.category)""",
                rs -> {
                    int year = rs.getInt(4);
                    String category = rs.getString(2);
                    if (category.equals(rs.getString(5))) {
                        return; // already subsidized under this category this year
                    }
                    Optional<Periods> periods = periods(regionCode, year);
                    if (periods.isEmpty() || !asOf.isAfter(periods.get().collectionEnd())
                            || asOf.isAfter(periods.get().coverageEnd())) {
                        return;
                    }
                    String label = HardshipCategory.valueOf(category).chineseName();
                    String reason = "花名册第" + version + "版（" + asOf + "）新认定为" + label + "，在" + year
                            + "年度集中征缴期后；本年度已参保缴费，依 R-SUB-11 自" + (year + 1) + "年度起享受资助。";
                    int created = jdbc.update("""
                            insert into yibao.subsidy_entitlement (id_number, region_code, coverage_year, category,
                                                                   roster_version_id, reason, created_at)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", rs.getString(1), regionCode,
                            year + 1, category, versionId, reason, now);
                    if (created > 0) {
                        entitlements[0]++;
                        history.record(rs.getString(3), "R-SUB-11", "SUBSIDY_NEXT_YEAR", reason, userId);
                        entries[0]++;
                    }
                }, regionCode, asOf.getYear(), asOf.getYear() + 1, versionId, previous);
        return new Applied(entitlements[0], entries[0]);
    }

    private Optional<Periods> periods(String regionCode, int year) {
        try {
            return Optional.of(policies.activeSnapshot(regionCode, year).parameters().periods());
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
