package com.yibaoflow.shared.imports;

import java.util.List;

/**
 * One column a department file may carry: recognised by its English key or by any of the Chinese (or English)
 * headers such files use, e.g. {@code idNumber} ← 身份证号码, 身份证号, 公民身份号码.
 */
public record ColumnSpec(String key, boolean required, List<String> aliases) {

    public static ColumnSpec required(String key, String... aliases) {
        return new ColumnSpec(key, true, List.of(aliases));
    }

    public static ColumnSpec optional(String key, String... aliases) {
        return new ColumnSpec(key, false, List.of(aliases));
    }

    /** Whether a header cell names this column (after {@link #normalize}). */
    boolean matches(String header) {
        String h = normalize(header);
        if (h.isEmpty()) {
            return false;
        }
        if (h.equalsIgnoreCase(key)) {
            return true;
        }
        for (String alias : aliases) {
            if (normalize(alias).equalsIgnoreCase(h)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A header as people write it, reduced to its name: BOM, ordinary and full-width spaces, required-column
     * marks ({@code *姓名}) and a trailing unit or note in brackets ({@code 金额（元）}) are dropped.
     */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String h = header.replace("\uFEFF", "").replace('\u3000', ' ').strip();
        h = h.replaceAll("^[*＊]+|[*＊]+$", "").strip();
        h = h.replaceAll("[(（][^()（）]*[)）]$", "").strip();
        StringBuilder sb = new StringBuilder();
        for (char c : h.toCharArray()) {
            if (!Character.isWhitespace(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
