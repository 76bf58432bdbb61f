package com.yibaoflow.shared.imports;

import java.util.List;

/** The columns of one kind of file (a township roster, a department roster, a registry extract). */
public record TableSchema(String name, List<ColumnSpec> columns) {

    public static TableSchema of(String name, ColumnSpec... columns) {
        return new TableSchema(name, List.of(columns));
    }
}
