package com.yibaoflow.hardship;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.imports.ColumnSpec;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.NotATableException;
import com.yibaoflow.shared.imports.TableSchema;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Uploads;
import com.yibaoflow.shared.imports.Values;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Department rosters (花名册, issue #5 §1): every upload is a new version of the department's roster for its region,
 * compared with the previous version (added, removed, changed people). Rows with a bad ID number, an unknown category
 * or a category the department does not own (R-SUB-12) are reported and left out. The new version becomes current in
 * the same transaction; then R-SUB-10 and R-SUB-11 are applied to the people it changed.
 */
@Service
public class RosterImportService {

    static final int MAX_LISTED_CHANGES = 1000;

    public static final TableSchema ROSTER = TableSchema.of(
            "department roster",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号", "公民身份号码", "证件号码"),
            ColumnSpec.required("name", "姓名"),
            ColumnSpec.required("category", "困难类别", "人员类别", "类别", "救助类别", "身份类别"),
            ColumnSpec.required("validFrom", "认定起始日期", "起始日期", "开始日期", "认定日期", "纳入日期"),
            ColumnSpec.optional("validTo", "认定终止日期", "终止日期", "结束日期", "退出日期"),
            ColumnSpec.optional("township", "乡镇", "乡镇（街道）", "所属乡镇"));

    public record Change(String idNumberMasked, String name, String category, String change) {}

    public record Report(
            long versionId,
            int version,
            String department,
            String regionCode,
            LocalDate asOf,
            int rows,
            int accepted,
            int rejected,
            int added,
            int removed,
            int changed,
            int subsidyEntitlements,
            int historyEntries,
            boolean pending,
            String pendingReason,
            List<FieldErrorRow> errors,
            List<Change> changes) {}

    public record FieldErrorRow(int rowNumber, String field, String reason) {}

    private final RosterVersions versions;
    private final RosterChanges changes;
    private final RosterGuardProperties guard;
    private final Clock clock;

    RosterImportService(RosterVersions versions, RosterChanges changes, RosterGuardProperties guard, Clock clock) {
        this.versions = versions;
        this.changes = changes;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Reads the upload as the department's new roster version and compares it with the current one. It becomes
     * current at once and its changes are applied, unless it would remove more than the region's share of the
     * current entries (issue #16 §5): then it is kept pending, with its diff, for a supervisor of the department.
     */
    @Transactional
    public Report importRoster(
            InputStream upload,
            String fileName,
            Department department,
            String regionCode,
            LocalDate asOf,
            String userId) {
        Set<HardshipCategory> owned = CategoryOwnership.ownedBy(department);
        if (owned.isEmpty()) {
            throw DomainException.invalidField(
                    "department",
                    department.groupId()
                            + " keeps no hardship roster (R-SUB-12: civil-affairs, agriculture-rural, veterans-affairs, "
                            + "health-commission, disabled-federation)");
        }
        Path file = Uploads.spool(upload);
        List<FieldErrorRow> errors = new ArrayList<>();
        Long previous = versions.currentId(department.groupId(), regionCode).orElse(null);
        long versionId = versions.create(department.groupId(), regionCode, asOf, fileName, userId, clock.instant());
        int[] rows = {0};
        int[] accepted = {0};
        Map<String, Integer> seen = new HashMap<>();
        List<RosterVersions.Entry> batch = new ArrayList<>();
        try {
            TabularReader.read(file, ROSTER, row -> {
                rows[0]++;
                Object parsed = parse(row, owned, department);
                if (parsed instanceof FieldError e) {
                    errors.add(new FieldErrorRow(row.rowNumber(), e.field(), e.message()));
                    return;
                }
                RosterVersions.Entry entry = (RosterVersions.Entry) parsed;
                Integer earlier = seen.putIfAbsent(entry.idNumber() + "/" + entry.category(), entry.rowNumber());
                if (earlier != null) {
                    errors.add(new FieldErrorRow(
                            row.rowNumber(), "idNumber", "same person and category as row " + earlier));
                    return;
                }
                accepted[0]++;
                batch.add(entry);
                if (batch.size() >= 1000) {
                    versions.insert(versionId, batch);
                }
            });
            versions.insert(versionId, batch);
        } catch (NotATableException e) {
            throw DomainException.invalidField("file", e.getMessage()); // rolls the new version back
        } finally {
            Uploads.delete(file);
        }

        List<Change> diff = versions.diff(previous, versionId);
        int removed = count(diff, "REMOVED");
        versions.recordCounts(versionId, rows[0], errors, count(diff, "ADDED"), removed, count(diff, "CHANGED"));
        String pendingReason = previous == null ? null : tooManyRemoved(removed, previous, regionCode);
        versions.supersedePending(department.groupId(), regionCode);
        if (pendingReason != null) {
            versions.makePending(versionId, previous, pendingReason);
            return report(
                    versionId, rows[0], accepted[0], errors, diff, new RosterChanges.Applied(0, 0), pendingReason);
        }
        versions.makeCurrent(versionId, previous);
        RosterChanges.Applied applied = changes.apply(versionId, previous, regionCode, asOf, userId);
        return report(versionId, rows[0], accepted[0], errors, diff, applied, null);
    }

    /**
     * A supervisor of the department confirms a pending version: it becomes current and its changes are applied,
     * provided the roster it was compared with is still the current one (409 otherwise: upload again). A version
     * that is not pending is a 409 too.
     */
    @Transactional
    public Report confirm(long versionId, String userId) {
        RosterVersions.Version pending = versions.find(versionId, true);
        if (pending == null) {
            throw DomainException.notFound("Roster version " + versionId + " not found");
        }
        if (!pending.pending()) {
            throw DomainException.conflict(
                    "Roster version " + versionId + " is not waiting for confirmation",
                    Map.of("current", pending.current()));
        }
        Long current =
                versions.currentId(pending.department(), pending.regionCode()).orElse(null);
        if (!java.util.Objects.equals(current, pending.comparedWith())) {
            throw DomainException.conflict(
                    "The roster of " + pending.department() + " changed after version " + pending.version()
                            + " was uploaded; upload it again to compare it with the current roster",
                    Map.of("currentVersionId", current == null ? "none" : current));
        }
        versions.makeCurrent(versionId, current);
        versions.recordConfirmation(versionId, userId, clock.instant());
        RosterChanges.Applied applied = changes.apply(versionId, current, pending.regionCode(), pending.asOf(), userId);
        List<Change> diff = versions.diff(current, versionId);
        int entries = versions.entryCount(versionId);
        List<FieldErrorRow> errors = versions.errors(versionId);
        return report(versionId, entries + errors.size(), entries, errors, diff, applied, null);
    }

    /** Why the upload waits (issue #16 §5), or null if it removes no more than the region allows. */
    private String tooManyRemoved(int removed, long previous, String regionCode) {
        int before = versions.entryCount(previous);
        BigDecimal share = guard.shareFor(regionCode);
        if (removed == 0 || BigDecimal.valueOf(removed).compareTo(share.multiply(BigDecimal.valueOf(before))) <= 0) {
            return null;
        }
        return "would remove " + removed + " of the " + before + " current entries (more than "
                + share.movePointRight(2).stripTrailingZeros().toPlainString()
                + " %); a supervisor of the department confirms it";
    }

    private Report report(
            long versionId,
            int rows,
            int accepted,
            List<FieldErrorRow> errors,
            List<Change> diff,
            RosterChanges.Applied applied,
            String pendingReason) {
        RosterVersions.Version v = versions.find(versionId, false);
        return new Report(
                versionId,
                v.version(),
                v.department(),
                v.regionCode(),
                v.asOf(),
                rows,
                accepted,
                errors.size(),
                count(diff, "ADDED"),
                count(diff, "REMOVED"),
                count(diff, "CHANGED"),
                applied.entitlements(),
                applied.historyEntries(),
                pendingReason != null,
                pendingReason,
                errors,
                diff.size() > MAX_LISTED_CHANGES ? diff.subList(0, MAX_LISTED_CHANGES) : diff);
    }

    private static int count(List<Change> diff, String change) {
        return (int) diff.stream().filter(c -> c.change().equals(change)).count();
    }

    private static Object parse(ImportRow row, Set<HardshipCategory> owned, Department department) {
        if (row.cellProblem() != null) {
            return new FieldError(row.cellProblem().column(), row.cellProblem().reason());
        }
        String id = row.get("idNumber");
        if (id == null || !ResidentIdNumber.isValid(id.toUpperCase(Locale.ROOT))) {
            return new FieldError("idNumber", "is not a valid resident ID number (GB 11643 check digit)");
        }
        if (row.get("name") == null) {
            return new FieldError("name", "is required");
        }
        HardshipCategory category = HardshipCategory.parse(row.get("category"));
        if (category == null) {
            return new FieldError("category", "is not a hardship category: " + row.get("category"));
        }
        if (!owned.contains(category)) {
            return new FieldError(
                    "category",
                    "R-SUB-12: " + category.chineseName() + " is evidenced by "
                            + CategoryOwnership.ownerOf(category).groupId() + ", not by " + department.groupId());
        }
        LocalDate from;
        LocalDate to = null;
        try {
            from = Values.parseDate(row.get("validFrom"));
        } catch (IllegalArgumentException e) {
            return new FieldError("validFrom", e.getMessage());
        }
        if (row.get("validTo") != null) {
            try {
                to = Values.parseDate(row.get("validTo"));
            } catch (IllegalArgumentException e) {
                return new FieldError("validTo", e.getMessage());
            }
            if (to.isBefore(from)) {
                return new FieldError("validTo", "is before validFrom");
            }
        }
        return new RosterVersions.Entry(
                row.rowNumber(),
                id.toUpperCase(Locale.ROOT),
                row.get("name"),
                category.name(),
                from,
                to,
                row.get("township"));
    }
}
