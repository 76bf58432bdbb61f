package com.yibaoflow.hardship;

import com.yibaoflow.shared.id.ResidentIdNumber;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The tables of roster versions, their entries and rejected rows, for {@link RosterImportService}. */
@Repository
class RosterVersions {

    /** A person and category of a roster file. */
    record Entry(
            int rowNumber,
            String idNumber,
            String name,
            String category,
            LocalDate validFrom,
            LocalDate validTo,
            String township) {}

    /** A version's row: who, where, as of when, and whether it waits for confirmation against which version. */
    record Version(
            long id,
            String department,
            String regionCode,
            int version,
            LocalDate asOf,
            boolean current,
            boolean pending,
            Long comparedWith) {}

    private final JdbcTemplate jdbc;

    RosterVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> currentId(String department, String regionCode) {
        return jdbc
                .query(
                        "select id from yibao.roster_version where department = ? and region_code = ? and current "
                                + "for update",
                        (rs, i) -> rs.getLong(1),
                        department,
                        regionCode)
                .stream()
                .findFirst();
    }

    /** A new, not yet current version with the next number of the department and region. */
    long create(String department, String regionCode, LocalDate asOf, String fileName, String userId, Instant now) {
        return jdbc.queryForObject(
                """
                insert into yibao.roster_version (department, region_code, version, as_of, file_name, imported_by,
                                                  imported_at, current)
                values (?, ?, (select coalesce(max(version), 0) + 1 from yibao.roster_version
                               where department = ? and region_code = ?), ?, ?, ?, ?, false)
                returning id""",
                Long.class,
                department,
                regionCode,
                department,
                regionCode,
                Date.valueOf(asOf),
                fileName,
                userId,
                Timestamp.from(now));
    }

    Version find(long id, boolean forUpdate) {
        return jdbc
                .query(
                        "select id, department, region_code, version, as_of, current, pending, compared_with "
                                + "from yibao.roster_version where id = ?" + (forUpdate ? " for update" : ""),
                        (rs, i) -> new Version(
                                rs.getLong("id"),
                                rs.getString("department"),
                                rs.getString("region_code"),
                                rs.getInt("version"),
                                rs.getDate("as_of").toLocalDate(),
                                rs.getBoolean("current"),
                                rs.getBoolean("pending"),
                                (Long) rs.getObject("compared_with")),
                        id)
                .stream()
                .findFirst()
                .orElse(null);
    }

    void insert(long versionId, List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into yibao.roster_entry (version_id, id_number, name, category, valid_from, valid_to, township)
                values (?, ?, ?, ?, ?, ?, ?)""", batch, 1000, (ps, e) -> {
            ps.setLong(1, versionId);
            ps.setString(2, e.idNumber());
            ps.setString(3, e.name());
            ps.setString(4, e.category());
            ps.setDate(5, Date.valueOf(e.validFrom()));
            ps.setDate(6, e.validTo() == null ? null : Date.valueOf(e.validTo()));
            ps.setString(7, e.township());
        });
        batch.clear();
    }

    int entryCount(long versionId) {
        return jdbc.queryForObject(
                "select count(*) from yibao.roster_entry where version_id = ?", Integer.class, versionId);
    }

    /** The counts of a version against the one it was compared with, and its rejected rows. */
    void recordCounts(
            long versionId,
            int rows,
            List<RosterImportService.FieldErrorRow> errors,
            int added,
            int removed,
            int changed) {
        jdbc.update("""
                update yibao.roster_version set row_count = ?, rejected_rows = ?, added = ?, removed = ?, changed = ?
                where id = ?""", rows, errors.size(), added, removed, changed, versionId);
        if (!errors.isEmpty()) {
            jdbc.batchUpdate(
                    "insert into yibao.roster_import_error (version_id, row_number, field, reason) "
                            + "values (?, ?, ?, ?)",
                    errors,
                    1000,
                    (ps, e) -> {
                        ps.setLong(1, versionId);
                        ps.setInt(2, e.rowNumber());
                        ps.setString(3, e.field());
                        ps.setString(4, e.reason());
                    });
        }
    }

    List<RosterImportService.FieldErrorRow> errors(long versionId) {
        return jdbc.query(
                "select row_number, field, reason from yibao.roster_import_error where version_id = ? "
                        + "order by row_number",
                (rs, i) -> new RosterImportService.FieldErrorRow(rs.getInt(1), rs.getString(2), rs.getString(3)),
                versionId);
    }

    /** The version becomes current; the one before it (if any) is not any more. */
    void makeCurrent(long versionId, Long previous) {
        if (previous != null) {
            jdbc.update("update yibao.roster_version set current = false where id = ?", previous);
        }
        jdbc.update("update yibao.roster_version set current = true, pending = false where id = ?", versionId);
    }

    /** A newer upload: a version still waiting for confirmation is superseded (never applied). */
    void supersedePending(String department, String regionCode) {
        jdbc.update("""
                update yibao.roster_version set pending = false,
                       pending_reason = pending_reason || '; superseded by a later upload before confirmation'
                where department = ? and region_code = ? and pending""", department, regionCode);
    }

    /** The version waits for a supervisor of its department, compared with {@code previous}. */
    void makePending(long versionId, Long previous, String reason) {
        jdbc.update(
                "update yibao.roster_version set pending = true, pending_reason = ?, compared_with = ? where id = ?",
                reason,
                previous,
                versionId);
    }

    void recordConfirmation(long versionId, String userId, Instant now) {
        jdbc.update(
                "update yibao.roster_version set confirmed_by = ?, confirmed_at = ? where id = ?",
                userId,
                Timestamp.from(now),
                versionId);
    }

    /** Added, removed and changed (name, validity or township) people of a version against the previous. */
    List<RosterImportService.Change> diff(Long previous, long current) {
        List<RosterImportService.Change> result = new ArrayList<>();
        if (previous == null) {
            jdbc.query(
                    "select id_number, name, category from yibao.roster_entry where version_id = ? order by id",
                    rs -> {
                        result.add(new RosterImportService.Change(
                                ResidentIdNumber.mask(rs.getString(1)), rs.getString(2), rs.getString(3), "ADDED"));
                    },
                    current);
            return result;
        }
        jdbc.query(
                """
                select coalesce(n.id_number, o.id_number), coalesce(n.name, o.name), coalesce(n.category, o.category),
                       case when o.id is null then 'ADDED' when n.id is null then 'REMOVED' else 'CHANGED' end
                from (select * from yibao.roster_entry where version_id = ?) n
                full join (select * from yibao.roster_entry where version_id = ?) o
                  on o.id_number = n.id_number and o.category = n.category
                where o.id is null or n.id is null or o.name <> n.name or o.valid_from <> n.valid_from
                   or o.valid_to is distinct from n.valid_to or o.township is distinct from n.township
                order by 4, 1""",
                rs -> {
                    result.add(new RosterImportService.Change(
                            ResidentIdNumber.mask(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
                },
                current,
                previous);
        return result;
    }
}
