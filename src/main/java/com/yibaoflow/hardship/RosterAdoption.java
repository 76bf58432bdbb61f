package com.yibaoflow.hardship;

import com.yibaoflow.hardship.RosterImportService.Change;
import com.yibaoflow.hardship.RosterImportService.FieldErrorRow;
import com.yibaoflow.hardship.RosterImportService.Report;
import com.yibaoflow.shared.problem.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Whether a new roster version becomes current at once or waits for a supervisor (issue #16 §5), what it changes for
 * enrolled people when it does (R-SUB-10, R-SUB-11, {@link RosterChanges}), and the report of either. Runs in the
 * caller's transaction.
 */
@Component
class RosterAdoption {

    static final int MAX_LISTED_CHANGES = 1000;

    private final RosterVersions versions;
    private final RosterChanges changes;
    private final RosterGuardProperties guard;
    private final Clock clock;

    RosterAdoption(RosterVersions versions, RosterChanges changes, RosterGuardProperties guard, Clock clock) {
        this.versions = versions;
        this.changes = changes;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * Compares the new version with {@code previous} (the current one, or null) and makes it current and applies its
     * changes, unless it would remove more than the region's share of the current entries: then it is kept pending,
     * with its diff. A pending version of the department before it is superseded.
     */
    Report adopt(
            long versionId,
            Long previous,
            String department,
            String regionCode,
            LocalDate asOf,
            String userId,
            RosterFile.Read read) {
        List<Change> diff = versions.diff(previous, versionId);
        int removed = count(diff, "REMOVED");
        versions.recordCounts(
                versionId, read.rows(), read.errors(), count(diff, "ADDED"), removed, count(diff, "CHANGED"));
        String pendingReason = previous == null ? null : tooManyRemoved(removed, previous, regionCode);
        versions.supersedePending(department, regionCode);
        if (pendingReason != null) {
            versions.makePending(versionId, previous, pendingReason);
            return report(
                    versionId,
                    read.rows(),
                    read.accepted(),
                    read.errors(),
                    diff,
                    new RosterChanges.Applied(0, 0),
                    pendingReason);
        }
        versions.makeCurrent(versionId, previous);
        RosterChanges.Applied applied = changes.apply(versionId, previous, regionCode, asOf, userId);
        return report(versionId, read.rows(), read.accepted(), read.errors(), diff, applied, null);
    }

    /**
     * A supervisor of the department confirms a pending version: it becomes current and its changes are applied,
     * provided the roster it was compared with is still the current one (409 otherwise: upload again). A version
     * that is not pending is a 409 too.
     */
    Report confirm(long versionId, String userId) {
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
        if (!Objects.equals(current, pending.comparedWith())) {
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
}
