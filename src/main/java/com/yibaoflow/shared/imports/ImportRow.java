package com.yibaoflow.shared.imports;

import java.util.Map;

/**
 * One data row: the number a person sees in the file (the header is row 1 in a CSV; in a sheet, the sheet's own
 * row number) and the cell text of each recognised column by key (missing cells are absent).
 */
public record ImportRow(int rowNumber, Map<String, String> values) {

    public String get(String key) {
        String v = values.get(key);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
