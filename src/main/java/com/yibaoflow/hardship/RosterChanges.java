package com.yibaoflow.hardship;

import com.yibaoflow.enrollment.EnrollmentQueries;
import com.yibaoflow.enrollment.EnrollmentQueries.EnrolledCase;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

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

    record Applied(int entitlements, int historyEntries) {}

    /** An entry of the new version that is gone from, or differs from, the previous one (R-SUB-10). */
    private record Changed(String idNumber, String category, boolean removed) {}

    /** An entry of the new version that the previous one did not list (R-SUB-11). */
    private record Added(String idNumber, String category) {}

    private final JdbcTemplate jdbc;
    private final PolicyService policies;
    private final EnrollmentQueries enrollments;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RosterChanges(
            JdbcTemplate jdbc,
            PolicyService policies,
            EnrollmentQueries enrollments,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.enrollments = enrollments;
        this.events = events;
        this.clock = clock;
    }

    Applied apply(long versionId, Long previous, String regionCode, LocalDate asOf, String userId) {
        int version =
                jdbc.queryForObject("select version from yibao.roster_version where id = ?", Integer.class, versionId);
        Timestamp now = Timestamp.from(clock.instant());
        int entries = 0;
        int entitlements = 0;
        // R-SUB-10: removed or changed entries of enrolled, paid people
        if (previous != null) {
            List<Changed> changed = jdbc.query(
                    """
                    select o.id_number, o.category, n.id is null
                    from yibao.roster_entry o
                    left join yibao.roster_entry n on n.version_id = ? and n.id_number = o.id_number
                                                  and n.category = o.category
                    where o.version_id = ? and (n.id is null or o.name <> n.name or o.valid_from <> n.valid_from
                          or o.valid_to is distinct from n.valid_to or o.township is distinct from n.township)""",
                    (rs, i) -> new Changed(rs.getString(1), rs.getString(2), rs.getBoolean(3)),
                    versionId,
                    previous);
            Map<String, List<EnrolledCase>> enrolled =
                    enrolledCases(changed.stream().map(Changed::idNumber).toList(), regionCode, asOf);
            for (Changed change : changed) {
                for (EnrolledCase c : enrolled.getOrDefault(change.idNumber(), List.of())) {
                    String category =
                            HardshipCategory.valueOf(change.category()).chineseName();
                    String applied = c.appliedCategory() == null
                            ? "无"
                            : HardshipCategory.valueOf(c.appliedCategory()).chineseName();
                    note(
                            c.businessKey(),
                            "R-SUB-10",
                            change.removed() ? "ROSTER_REMOVED" : "ROSTER_CHANGED",
                            "花名册第" + version + "版" + (change.removed() ? "已移除" : "变更了") + "该居民的" + category
                                    + "身份信息；" + c.coverageYear() + "年度已参保缴费，依 R-SUB-10 不退费、不补收，资助类别（"
                                    + applied + "）保持不变。",
                            userId);
                    entries++;
                }
            }
        }
        // R-SUB-11: newly listed after the collection period, already enrolled → subsidy from the next year
        List<Added> added =
                jdbc.query("""
                select n.id_number, n.category from yibao.roster_entry n
                where n.version_id = ? and not exists (select 1 from yibao.roster_entry o where o.version_id = ?
                                                       and o.id_number = n.id_number and o.category = n.category)""", (rs, i) -> new Added(rs.getString(1), rs.getString(2)), versionId, previous);
        Map<String, List<EnrolledCase>> enrolled =
                enrolledCases(added.stream().map(Added::idNumber).toList(), regionCode, asOf);
        for (Added entry : added) {
            for (EnrolledCase c : enrolled.getOrDefault(entry.idNumber(), List.of())) {
                int year = c.coverageYear();
                String category = entry.category();
                if (category.equals(c.appliedCategory())) {
                    continue; // already subsidized under this category this year
                }
                Optional<Periods> periods = periods(regionCode, year);
                if (periods.isEmpty()
                        || !asOf.isAfter(periods.get().collectionEnd())
                        || asOf.isAfter(periods.get().coverageEnd())) {
                    continue;
                }
                String label = HardshipCategory.valueOf(category).chineseName();
                String reason = "花名册第" + version + "版（" + asOf + "）新认定为" + label + "，在" + year
                        + "年度集中征缴期后；本年度已参保缴费，依 R-SUB-11 自" + (year + 1) + "年度起享受资助。";
                int created =
                        jdbc.update("""
                        insert into yibao.subsidy_entitlement (id_number, region_code, coverage_year, category,
                                                               roster_version_id, reason, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", entry.idNumber(), regionCode, year + 1, category, versionId, reason, now);
                if (created > 0) {
                    entitlements++;
                    note(c.businessKey(), "R-SUB-11", "SUBSIDY_NEXT_YEAR", reason, userId);
                    entries++;
                }
            }
        }
        return new Applied(entitlements, entries);
    }

    /** The enrolled cases of the people, this year's and next year's, by ID number (asked once per roster). */
    private Map<String, List<EnrolledCase>> enrolledCases(List<String> idNumbers, String regionCode, LocalDate asOf) {
        return enrollments.enrolledCases(Set.copyOf(idNumbers), regionCode, asOf.getYear(), asOf.getYear() + 1).stream()
                .collect(Collectors.groupingBy(EnrolledCase::idNumber));
    }

    private void note(String businessKey, String ruleId, String kind, String summary, String userId) {
        events.publishEvent(new HardshipEvents.RosterChangeNoted(
                CaseEvent.newId(), clock.instant(), businessKey, ruleId, kind, summary, userId));
    }

    private Optional<Periods> periods(String regionCode, int year) {
        try {
            return Optional.of(
                    policies.activeSnapshot(regionCode, year).parameters().periods());
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
