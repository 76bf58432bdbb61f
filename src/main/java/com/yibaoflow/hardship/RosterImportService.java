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
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
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
            List<FieldErrorRow> errors,
            List<Change> changes) {}

    public record FieldErrorRow(int rowNumber, String field, String reason) {}

    private record Entry(
            int rowNumber,
            String idNumber,
            String name,
            String category,
            LocalDate validFrom,
            LocalDate validTo,
            String township) {}

    private final JdbcTemplate jdbc;
    private final RosterChanges changes;
    private final Clock clock;

    RosterImportService(JdbcTemplate jdbc, RosterChanges changes, Clock clock) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.clock = clock;
    }

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
        Long previous = jdbc
                .query(
                        "select id from yibao.roster_version where department = ? and region_code = ? " + "and current",
                        (rs, i) -> rs.getLong(1),
                        department.groupId(),
                        regionCode)
                .stream()
                .findFirst()
                .orElse(null);
        Integer number = jdbc.queryForObject(
                "select coalesce(max(version), 0) + 1 from yibao.roster_version "
                        + "where department = ? and region_code = ?",
                Integer.class,
                department.groupId(),
                regionCode);
        Long versionId = jdbc.queryForObject(
                """
                insert into yibao.roster_version (department, region_code, version, as_of, file_name, imported_by,
                                                  imported_at, current)
                values (?, ?, ?, ?, ?, ?, ?, false) returning id""",
                Long.class,
                department.groupId(),
                regionCode,
                number,
                Date.valueOf(asOf),
                fileName,
                userId,
                Timestamp.from(clock.instant()));
        int[] rows = {0};
        int[] accepted = {0};
        Map<String, Integer> seen = new HashMap<>();
        List<Entry> batch = new ArrayList<>();
        try {
            TabularReader.read(file, ROSTER, row -> {
                rows[0]++;
                Object parsed = parse(row, owned, department);
                if (parsed instanceof FieldError e) {
                    errors.add(new FieldErrorRow(row.rowNumber(), e.field(), e.message()));
                    return;
                }
                Entry entry = (Entry) parsed;
                Integer earlier = seen.putIfAbsent(entry.idNumber() + "/" + entry.category(), entry.rowNumber());
                if (earlier != null) {
                    errors.add(new FieldErrorRow(
                            row.rowNumber(), "idNumber", "same person and category as row " + earlier));
                    return;
                }
                accepted[0]++;
                batch.add(entry);
                if (batch.size() >= 1000) {
                    insert(versionId, batch);
                }
            });
            insert(versionId, batch);
        } catch (NotATableException e) {
            throw DomainException.invalidField("file", e.getMessage()); // rolls the new version back
        } finally {
            Uploads.delete(file);
        }

        List<Change> diff = diff(previous, versionId);
        int added = (int) diff.stream().filter(c -> c.change().equals("ADDED")).count();
        int removed =
                (int) diff.stream().filter(c -> c.change().equals("REMOVED")).count();
        int changed = diff.size() - added - removed;
        if (previous != null) {
            jdbc.update("update yibao.roster_version set current = false where id = ?", previous);
        }
        jdbc.update("""
                update yibao.roster_version set current = true, row_count = ?, rejected_rows = ?, added = ?,
                       removed = ?, changed = ? where id = ?""", rows[0], errors.size(), added, removed, changed, versionId);
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
        RosterChanges.Applied applied = changes.apply(versionId, previous, regionCode, asOf, userId);
        return new Report(
                versionId,
                number,
                department.groupId(),
                regionCode,
                asOf,
                rows[0],
                accepted[0],
                errors.size(),
                added,
                removed,
                changed,
                applied.entitlements(),
                applied.historyEntries(),
                errors,
                diff.size() > MAX_LISTED_CHANGES ? diff.subList(0, MAX_LISTED_CHANGES) : diff);
    }

    private void insert(long versionId, List<Entry> batch) {
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

    /** Added, removed and changed (name, validity or township) people of the new version against the previous. */
    private List<Change> diff(Long previous, long current) {
        List<Change> result = new ArrayList<>();
        if (previous == null) {
            jdbc.query(
                    "select id_number, name, category from yibao.roster_entry where version_id = ? order by id",
                    rs -> {
                        result.add(new Change(
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
                    result.add(new Change(
                            ResidentIdNumber.mask(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4)));
                },
                current,
                previous);
        return result;
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
        return new Entry(
                row.rowNumber(),
                id.toUpperCase(Locale.ROOT),
                row.get("name"),
                category.name(),
                from,
                to,
                row.get("township"));
    }
}
