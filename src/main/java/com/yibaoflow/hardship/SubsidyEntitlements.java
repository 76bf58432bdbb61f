package com.yibaoflow.hardship;

import com.yibaoflow.enrollment.SubsidyEntitlementCheck;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-SUB-11 end to end (issue #17 item 8). A roster version that newly lists a person after the collection period of
 * year N, when the person is already enrolled and paid for N, records an entitlement to the subsidy of year N + 1
 * ({@link RosterChanges}). The enrollment of year N + 1 checks it here, on the day of its eligibility check:
 * <ul>
 *   <li><b>applied</b> when the current roster of the department that owns the category (R-SUB-12) still lists the
 *       person under it on that day: the category is verified like any roster match and its subsidy applies;</li>
 *   <li><b>lapsed</b> when it does not (removed, or the listing's validity ended): the entitlement is reported (its
 *       outcome here, the case history, {@code GET /api/hardship/entitlements}) and not applied. R-SUB-11 grants the
 *       subsidy to a hardship person; one the department no longer lists is not one, and R-SUB-10 (nothing refunded or
 *       adjusted) covers only the year already paid.</li>
 * </ul>
 * A check again of the same case (a correction, a retried job) updates the row; the case history hears only a change.
 */
@Service
@Transactional
class SubsidyEntitlements implements SubsidyEntitlementCheck {

    enum Status {
        PENDING,
        APPLIED,
        LAPSED
    }

    /** One entitlement, as the report lists it; the person's name from the roster entry that granted it. */
    record Entitlement(
            String idNumberMasked,
            String name,
            String category,
            String categoryName,
            String department,
            int grantedByRosterVersion,
            LocalDate grantedAsOf,
            String reason,
            Status status,
            String outcome,
            String checkedCase,
            Integer checkedRosterVersion,
            Instant checkedAt,
            Instant createdAt) {}

    /** The report; {@code subsidies}: what each listed category's subsidy is worth that year, with its provenance. */
    record Report(
            String regionCode,
            int coverageYear,
            int applied,
            int lapsed,
            int pending,
            List<Entitlement> items,
            Map<String, EntitlementSubsidies.Subsidy> subsidies) {

        Report withSubsidies(Map<String, EntitlementSubsidies.Subsidy> figures) {
            return new Report(regionCode, coverageYear, applied, lapsed, pending, items, figures);
        }
    }

    private record Row(
            long id, String category, Status status, String checkedCase, int grantedVersion, LocalDate grantedAsOf) {}

    private record Version(long id, int version) {}

    private final JdbcTemplate jdbc;
    private final Rosters rosters;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubsidyEntitlements(JdbcTemplate jdbc, Rosters rosters, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.rosters = rosters;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<String> applicableCategories(
            String businessKey, String idNumber, String regionCode, int coverageYear, LocalDate asOf) {
        List<Row> rows = jdbc.query(
                """
                        select s.id, s.category, s.status, s.checked_case, v.version, v.as_of
                        from yibao.subsidy_entitlement s join yibao.roster_version v on v.id = s.roster_version_id
                        where s.id_number = ? and s.region_code = ? and s.coverage_year = ?
                        order by s.id""",
                (rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        Status.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getObject(6, LocalDate.class)),
                idNumber,
                regionCode,
                coverageYear);
        List<String> applicable = new ArrayList<>();
        for (Row row : rows) {
            HardshipCategory category = HardshipCategory.valueOf(row.category());
            Department owner = CategoryOwnership.ownerOf(category);
            Optional<Long> listing =
                    rosters.currentVersionListing(idNumber, row.category(), owner.groupId(), regionCode, asOf);
            Optional<Version> current = currentVersion(owner, regionCode);
            boolean applied = listing.isPresent();
            String outcome = applied
                    ? applied(row, category, owner, coverageYear, current.orElseThrow())
                    : lapsed(row, category, owner, coverageYear, asOf, current);
            Status status = applied ? Status.APPLIED : Status.LAPSED;
            jdbc.update(
                    """
                            update yibao.subsidy_entitlement
                            set status = ?, checked_at = ?, checked_case = ?, checked_roster_version_id = ?, outcome = ?
                            where id = ?""",
                    status.name(),
                    Timestamp.from(clock.instant()),
                    businessKey,
                    current.map(Version::id).orElse(null),
                    outcome,
                    row.id());
            if (status != row.status() || !businessKey.equals(row.checkedCase())) {
                events.publishEvent(new HardshipEvents.SubsidyEntitlementChecked(
                        CaseEvent.newId(),
                        clock.instant(),
                        businessKey,
                        ResidentIdNumber.mask(idNumber),
                        regionCode,
                        coverageYear,
                        row.category(),
                        applied,
                        outcome));
            }
            if (applied) {
                applicable.add(row.category());
            }
        }
        return applicable;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Checked> checkedBy(String businessKey, String idNumber, String regionCode, int coverageYear) {
        return jdbc.query(
                """
                        select category, status, outcome from yibao.subsidy_entitlement
                        where id_number = ? and region_code = ? and coverage_year = ? and checked_case = ?
                        order by id""",
                (rs, i) -> new Checked(rs.getString(1), Status.APPLIED.name().equals(rs.getString(2)), rs.getString(3)),
                idNumber,
                regionCode,
                coverageYear,
                businessKey);
    }

    /** Every entitlement of the region to the coverage year: lapsed first (they need a look), then pending, applied. */
    @Transactional(readOnly = true)
    Report report(String regionCode, int coverageYear) {
        List<Entitlement> items = jdbc.query(
                """
                        select s.id_number,
                               (select min(e.name) from yibao.roster_entry e where e.version_id = s.roster_version_id
                                  and e.id_number = s.id_number and e.category = s.category),
                               s.category, v.version, v.as_of, s.reason, s.status, s.outcome, s.checked_case,
                               cv.version, s.checked_at, s.created_at
                        from yibao.subsidy_entitlement s
                        join yibao.roster_version v on v.id = s.roster_version_id
                        left join yibao.roster_version cv on cv.id = s.checked_roster_version_id
                        where s.region_code = ? and s.coverage_year = ?
                        order by case s.status when 'LAPSED' then 0 when 'PENDING' then 1 else 2 end, s.id""",
                (rs, i) -> {
                    HardshipCategory category = HardshipCategory.valueOf(rs.getString(3));
                    Timestamp checkedAt = rs.getTimestamp(11);
                    return new Entitlement(
                            ResidentIdNumber.mask(rs.getString(1)),
                            rs.getString(2),
                            category.name(),
                            category.chineseName(),
                            CategoryOwnership.ownerOf(category).groupId(),
                            rs.getInt(4),
                            rs.getObject(5, LocalDate.class),
                            rs.getString(6),
                            Status.valueOf(rs.getString(7)),
                            rs.getString(8),
                            rs.getString(9),
                            (Integer) rs.getObject(10),
                            checkedAt == null ? null : checkedAt.toInstant(),
                            rs.getTimestamp(12).toInstant());
                },
                regionCode,
                coverageYear);
        Map<Status, Long> counts = items.stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Entitlement::status, java.util.stream.Collectors.counting()));
        return new Report(
                regionCode,
                coverageYear,
                counts.getOrDefault(Status.APPLIED, 0L).intValue(),
                counts.getOrDefault(Status.LAPSED, 0L).intValue(),
                counts.getOrDefault(Status.PENDING, 0L).intValue(),
                items,
                Map.of());
    }

    private Optional<Version> currentVersion(Department owner, String regionCode) {
        return jdbc
                .query(
                        "select id, version from yibao.roster_version where current and department = ? "
                                + "and region_code = ?",
                        (rs, i) -> new Version(rs.getLong(1), rs.getInt(2)),
                        owner.groupId(),
                        regionCode)
                .stream()
                .findFirst();
    }

    private static String applied(
            Row row, HardshipCategory category, Department owner, int coverageYear, Version current) {
        return "R-SUB-11：该居民经花名册第" + row.grantedVersion() + "版（" + row.grantedAsOf() + "）在" + (coverageYear - 1)
                + "年度集中征缴期后新认定为" + category.chineseName() + "，" + coverageYear + "年度享受资助；" + owner.chineseName()
                + "当前花名册（第" + current.version() + "版）仍列其为" + category.chineseName() + "，本年度资助适用。";
    }

    private static String lapsed(
            Row row,
            HardshipCategory category,
            Department owner,
            int coverageYear,
            LocalDate asOf,
            Optional<Version> current) {
        String roster = current.map(v -> "当前花名册（第" + v.version() + "版）于" + asOf + "已不再列其为")
                .orElse("于" + asOf + "无当前花名册，不再列其为");
        return "R-SUB-11：该居民" + coverageYear + "年度的" + category.chineseName() + "资助资格（花名册第" + row.grantedVersion()
                + "版认定）不予适用：" + owner.chineseName() + roster + category.chineseName() + "。如仍属困难人员，请"
                + owner.chineseName() + "更新花名册后由参保经办核实。";
    }
}
