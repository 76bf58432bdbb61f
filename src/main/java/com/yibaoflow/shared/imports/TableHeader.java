package com.yibaoflow.shared.imports;

import com.yibaoflow.shared.json.ControlCharacterGuard;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the header row of a table (the first row among the first ten that names every required column; title rows
 * above it are skipped) and then turns data rows into {@link ImportRow}s: column index → key, cells stripped, the
 * first cell with a control character reported as the row's problem.
 */
final class TableHeader {

    static final int HEADER_SEARCH_ROWS = 10;

    private final TableSchema schema;
    private Map<Integer, String> columns;
    private int rowsSeen;
    private List<String> firstCells;
    private List<String> headerCells;
    private int dataRows;

    TableHeader(TableSchema schema) {
        this.schema = schema;
    }

    boolean found() {
        return columns != null;
    }

    /** Offers a row before the header is found; true when it is the header. */
    boolean offer(List<String> cells) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return false;
        }
        rowsSeen++;
        if (firstCells == null) {
            firstCells = cells;
        }
        Map<Integer, String> mapped = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            for (ColumnSpec spec : schema.columns()) {
                if (!mapped.containsValue(spec.key()) && spec.matches(cells.get(i))) {
                    mapped.put(i, spec.key());
                    break;
                }
            }
        }
        boolean complete = schema.columns().stream()
                .filter(ColumnSpec::required)
                .allMatch(spec -> mapped.containsValue(spec.key()));
        if (complete) {
            columns = mapped;
            headerCells = cells;
            return true;
        }
        if (rowsSeen >= HEADER_SEARCH_ROWS) {
            throw notATable();
        }
        return false;
    }

    /**
     * A header and nothing under it is refused whole (issue #16 §8): an empty roster would otherwise be taken as
     * "nobody is listed any more", and an empty upload is never what a clerk meant to send.
     */
    void requireDataRows() {
        if (dataRows == 0) {
            throw new NotATableException(schema.name() + "只有表头，没有数据行");
        }
    }

    NotATableException notATable() {
        List<String> required = schema.columns().stream()
                .filter(ColumnSpec::required)
                .map(s -> String.join("/", s.aliases()))
                .toList();
        return new NotATableException("不是" + schema.name() + "：前 " + HEADER_SEARCH_ROWS + " 行内没有含必需列（"
                + String.join("；", required) + "）的表头行；找到的表头："
                + (firstCells == null ? "无" : String.join("、", firstCells)));
    }

    ImportRow row(int rowNumber, List<String> cells) {
        dataRows++;
        Map<String, String> values = new LinkedHashMap<>();
        ImportRow.CellProblem problem = null;
        for (Map.Entry<Integer, String> column : new TreeMap<>(columns).entrySet()) {
            int index = column.getKey();
            if (index < cells.size() && cells.get(index) != null) {
                String cell = cells.get(index);
                int at = ControlCharacterGuard.firstControlCharacter(cell);
                if (at >= 0) {
                    if (problem == null) {
                        problem = new ImportRow.CellProblem(
                                column.getValue(),
                                controlCharacterReason(
                                        headerCells.size() > index ? headerCells.get(index) : column.getValue(),
                                        cell.charAt(at)));
                    }
                } else {
                    values.put(column.getValue(), cell.strip());
                }
            }
        }
        return new ImportRow(rowNumber, values, problem);
    }

    /**
     * The reason a township clerk reads for a cell with a control character (issue #16 §8): PostgreSQL refuses NUL
     * in text, and no other control character belongs in a name, an ID number or a date.
     */
    static String controlCharacterReason(String header, char c) {
        String name = ColumnSpec.normalize(header);
        return "「%s」列含有不可见控制字符（U+%04X），请删除后重新上传".formatted(name.isEmpty() ? header : name, (int) c);
    }
}
