package com.yibaoflow.shared.imports;

import com.yibaoflow.shared.json.ControlCharacterGuard;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the CSV and .xlsx files departments send, one row at a time and in constant memory (a 100 000-row roster
 * is never held whole): CSV through Commons CSV, .xlsx through POI's SAX event API over the first sheet. The kind is
 * told by content, not by name. The header is the first row among the first ten that names every required column
 * (title rows above it are skipped); unknown columns are ignored.
 *
 * <p>CSV text is UTF-8 (with or without BOM) unless its first 64 KiB are not valid UTF-8, in which case it is read as
 * GB18030, the superset of the GBK that Excel on Chinese Windows writes. The separator is a comma, or a tab or
 * semicolon when the header line has no comma.
 */
public final class TabularReader {

    /** Receives the data rows in file order. */
    @FunctionalInterface
    public interface RowHandler {
        void row(ImportRow row);
    }

    private static final int HEADER_SEARCH_ROWS = 10;
    private static final int SNIFF_BYTES = 64 * 1024;

    private TabularReader() {}

    public static void read(Path file, TableSchema schema, RowHandler handler) {
        byte[] head = head(file, SNIFF_BYTES);
        if (head.length == 0) {
            throw new NotATableException("The file is empty; expected a " + schema.name() + " (CSV or .xlsx)");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            readXlsx(file, schema, handler);
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new NotATableException(
                    "Legacy Excel .xls files are not read; save the " + schema.name() + " as .xlsx or CSV (UTF-8)");
        } else if (looksBinary(head)) {
            throw new NotATableException(
                    "The file is neither CSV text nor an .xlsx workbook; expected a " + schema.name());
        } else {
            readCsv(file, head, schema, handler);
        }
    }

    // ---- header matching --------------------------------------------------------------------------------------

    /** Column index → key, once the header row is found. */
    private static final class Header {
        private final TableSchema schema;
        private Map<Integer, String> columns;
        private int rowsSeen;
        private List<String> firstCells;
        private List<String> headerCells;
        private int dataRows;

        Header(TableSchema schema) {
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
                throw new NotATableException("The " + schema.name() + " has a header row but no data rows");
            }
        }

        NotATableException notATable() {
            List<String> required = schema.columns().stream()
                    .filter(ColumnSpec::required)
                    .map(s -> s.key() + " (" + String.join("/", s.aliases()) + ")")
                    .toList();
            return new NotATableException("Not a " + schema.name() + ": no header row with the required columns "
                    + required + " within the first " + HEADER_SEARCH_ROWS + " rows; headers found: "
                    + (firstCells == null ? "none" : firstCells));
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
    }

    /**
     * The reason a township clerk reads for a cell with a control character (issue #16 §8): PostgreSQL refuses NUL
     * in text, and no other control character belongs in a name, an ID number or a date.
     */
    static String controlCharacterReason(String header, char c) {
        String name = ColumnSpec.normalize(header);
        return "「%s」列含有不可见控制字符（U+%04X），请删除后重新上传".formatted(name.isEmpty() ? header : name, (int) c);
    }

    // ---- CSV --------------------------------------------------------------------------------------------------

    private static void readCsv(Path file, byte[] head, TableSchema schema, RowHandler handler) {
        Charset charset = isUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        char delimiter = delimiter(new String(head, charset));
        // no setTrim: Commons CSV trims every char <= U+0020, which would silently drop a NUL at a cell's edge;
        // cells are stripped of whitespace after the control-character check instead (Header.row)
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        Header header = new Header(schema);
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset), 1 << 16);
                CSVParser parser = CSVParser.parse(skipBom(reader), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            long recordNumber = 0;
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new NotATableException("Malformed CSV after row " + recordNumber + ": " + e.getMessage(), e);
                }
                recordNumber = record.getRecordNumber();
                List<String> cells = record.toList();
                if (!header.found()) {
                    header.offer(cells);
                } else if (cells.stream().anyMatch(c -> c != null && !c.isBlank())) {
                    handler.row(header.row((int) recordNumber, cells));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!header.found()) {
            throw header.notATable();
        }
        header.requireDataRows();
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    static char delimiter(String text) {
        String firstLine = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        if (firstLine.indexOf(',') >= 0) {
            return ',';
        }
        if (firstLine.indexOf('\t') >= 0) {
            return '\t';
        }
        if (firstLine.indexOf(';') >= 0) {
            return ';';
        }
        return ',';
    }

    /** Valid UTF-8, allowing a multi-byte sequence cut off at the end of the sniffed bytes. */
    static boolean isUtf8(byte[] bytes) {
        for (int cut = 0; cut < 4 && cut < bytes.length; cut++) {
            try {
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, 0, bytes.length - cut));
                return true;
            } catch (CharacterCodingException e) {
                if (bytes.length < SNIFF_BYTES) {
                    return false; // the whole file was sniffed: nothing was cut off
                }
            }
        }
        return false;
    }

    // ---- XLSX -------------------------------------------------------------------------------------------------

    private static void readXlsx(Path file, TableSchema schema, RowHandler handler) {
        Header header = new Header(schema);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new NotATableException("The workbook has no sheet; expected a " + schema.name());
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(
                        styles, null, strings, new SheetRows(header, handler), new IsoDataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (NotATableException e) {
            throw e;
        } catch (HandlerFailure e) {
            throw e.failure; // the row handler's own exception, not a fault of the file
        } catch (RuntimeException e) {
            if (e.getCause() instanceof NotATableException n) {
                throw n;
            }
            if (e.getCause() instanceof HandlerFailure h) {
                throw h.failure;
            }
            throw new NotATableException("The .xlsx workbook cannot be read: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new NotATableException("The .xlsx workbook cannot be read: " + e.getMessage(), e);
        }
        if (!header.found()) {
            throw header.notATable();
        }
        header.requireDataRows();
    }

    /** Collects the cells of each sheet row by column index and hands complete rows on. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final Header header;
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        SheetRows(Header header, RowHandler handler) {
            this.header = header;
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            List<String> row = new ArrayList<>(cells);
            if (!header.found()) {
                header.offer(row);
            } else if (row.stream().anyMatch(c -> c != null && !c.isBlank())) {
                try {
                    handler.row(header.row(rowNum + 1, row));
                } catch (RuntimeException e) {
                    throw new HandlerFailure(e);
                }
            }
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = columnIndex(reference);
            while (cells.size() <= column) {
                cells.add(null);
            }
            cells.set(column, formattedValue);
        }

        static int columnIndex(String reference) {
            int column = 0;
            for (char c : reference.toCharArray()) {
                if (Character.isLetter(c)) {
                    column = column * 26 + (Character.toUpperCase(c) - 'A' + 1);
                } else {
                    break;
                }
            }
            return column - 1;
        }
    }

    /** Carries an exception of the row handler through the SAX parser unchanged. */
    private static final class HandlerFailure extends RuntimeException {
        private final RuntimeException failure;

        HandlerFailure(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** Dates as ISO yyyy-MM-dd, general numbers as plain digits (never 3.41721E+17). */
    private static final class IsoDataFormatter extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            if (formatString == null || "General".equalsIgnoreCase(formatString) || formatIndex == 0) {
                return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    // ---- bytes ------------------------------------------------------------------------------------------------

    private static byte[] head(Path file, int max) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * More than one NUL byte or many control characters in the first bytes: not text. A single NUL is a damaged cell
     * of a text file (reported as that row's error), not a binary file: binary formats and UTF-16 text have many.
     */
    static boolean looksBinary(byte[] head) {
        int control = 0;
        int nul = 0;
        int n = Math.min(head.length, 4096);
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b == 0 && ++nul > 1) {
                return true;
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20)) {
                control++;
            }
        }
        return control > n / 10;
    }
}
