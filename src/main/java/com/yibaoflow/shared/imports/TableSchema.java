package com.yibaoflow.shared.imports;

import java.util.List;

/**
 * The columns of one kind of file (a township roster, a department roster, a registry extract); {@code name} is what
 * the clerk calls the file (乡镇参保登记名单), for the reasons a refused file is given.
 */
public record TableSchema(String name, List<ColumnSpec> columns) {

    /** The column of {@code key} as the clerk knows it (its first header name), the key itself when none. */
    public String label(String key) {
        return columns.stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .map(c -> c.aliases().get(0))
                .orElse(key);
    }

    /**
     * A row error's reason as a township clerk reads it (issue #21 §3): the column in 「」, then the reason; a reason
     * that already names its column (a control character) or has no column of this file is left as it is.
     */
    public String reason(String key, String reason) {
        if (reason.startsWith("「") || columns.stream().noneMatch(c -> c.key().equals(key))) {
            return reason;
        }
        return "「" + label(key) + "」" + reason;
    }

    public static TableSchema of(String name, ColumnSpec... columns) {
        return new TableSchema(name, List.of(columns));
    }
}
