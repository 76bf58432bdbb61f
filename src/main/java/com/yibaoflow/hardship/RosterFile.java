package com.yibaoflow.hardship;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.imports.ImportRow;
import com.yibaoflow.shared.imports.TabularReader;
import com.yibaoflow.shared.imports.Values;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * A department's roster file read into the entries of a new version: rows with a bad ID number, an unknown category
 * or a category the department does not own (R-SUB-12), and repeats of a person and category, are the file's errors
 * and left out. The file streams; entries are written in batches.
 */
final class RosterFile {

    static final int BATCH = 1000;
    /** A run may be stopped (orderly shutdown) every this many rows while the file streams. */
    static final int STOP_CHECK_ROWS = 10_000;

    /** What the file held: its rows, the entries written and the rows left out. */
    record Read(int rows, int accepted, List<RosterImportService.FieldErrorRow> errors) {}

    private RosterFile() {}

    /**
     * Writes the file's good rows as entries of {@code versionId}; {@code stopped} is thrown when {@code keepGoing}
     * says no at a check.
     */
    static Read read(
            Path file,
            long versionId,
            Department department,
            RosterVersions versions,
            BooleanSupplier keepGoing,
            Runnable stopped) {
        Set<HardshipCategory> owned = CategoryOwnership.ownedBy(department);
        List<RosterImportService.FieldErrorRow> errors = new ArrayList<>();
        int[] rows = {0};
        int[] accepted = {0};
        Map<String, Integer> seen = new HashMap<>();
        List<RosterVersions.Entry> batch = new ArrayList<>();
        TabularReader.read(file, RosterImportService.ROSTER, row -> {
            if (++rows[0] % STOP_CHECK_ROWS == 0 && !keepGoing.getAsBoolean()) {
                stopped.run();
            }
            Object parsed = parse(row, owned, department);
            if (parsed instanceof FieldError e) {
                errors.add(new RosterImportService.FieldErrorRow(
                        row.rowNumber(), e.field(), RosterImportService.ROSTER.reason(e.field(), e.message())));
                return;
            }
            RosterVersions.Entry entry = (RosterVersions.Entry) parsed;
            Integer earlier = seen.putIfAbsent(entry.idNumber() + "/" + entry.category(), entry.rowNumber());
            if (earlier != null) {
                errors.add(new RosterImportService.FieldErrorRow(
                        row.rowNumber(),
                        "idNumber",
                        RosterImportService.ROSTER.reason("idNumber", "与本文件第 " + earlier + " 行是同一人、同一困难类别")));
                return;
            }
            accepted[0]++;
            batch.add(entry);
            if (batch.size() >= BATCH) {
                versions.insert(versionId, batch);
            }
        });
        versions.insert(versionId, batch);
        return new Read(rows[0], accepted[0], errors);
    }

    static Object parse(ImportRow row, Set<HardshipCategory> owned, Department department) {
        if (row.cellProblem() != null) {
            return new FieldError(row.cellProblem().column(), row.cellProblem().reason());
        }
        String id = row.get("idNumber");
        if (id == null || !ResidentIdNumber.isValid(id.toUpperCase(Locale.ROOT))) {
            return new FieldError("idNumber", "不是有效的公民身份号码（校验位不符，GB 11643）");
        }
        if (row.get("name") == null) {
            return new FieldError("name", "未填写");
        }
        HardshipCategory category = HardshipCategory.parse(row.get("category"));
        if (category == null) {
            return new FieldError("category", "不是困难类别：" + row.get("category"));
        }
        if (!owned.contains(category)) {
            return new FieldError(
                    "category",
                    category.chineseName() + "由"
                            + CategoryOwnership.ownerOf(category).chineseName() + "认定，不能由" + department.chineseName()
                            + "导入");
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
                return new FieldError("validTo", "早于认定起始日期");
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
