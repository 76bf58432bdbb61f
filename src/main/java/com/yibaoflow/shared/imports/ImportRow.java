package com.yibaoflow.shared.imports;

import java.util.Map;

/**
 * One data row: the number a person sees in the file (the header is row 1 in a CSV; in a sheet, the sheet's own
 * row number) and the cell text of each recognised column by key (missing cells are absent).
 *
 * <p>A cell holding a NUL or another control character (issue #16 §8) is never handed on as a value: its column is
 * absent from {@link #values()} and the row carries a {@link #cellProblem()} naming the column, which every import
 * records as that row's error instead of processing the row.
 */
public record ImportRow(int rowNumber, Map<String, String> values, CellProblem cellProblem) {

    /** Why a cell of this row cannot be taken: the column key (the row error's field) and a reason for the clerk. */
    public record CellProblem(String column, String reason) {}

    public ImportRow(int rowNumber, Map<String, String> values) {
        this(rowNumber, values, null);
    }

    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
