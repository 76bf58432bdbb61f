package com.yibaoflow.shared.imports;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

/** .xlsx through POI's SAX event API over the first sheet, in constant memory. */
final class XlsxTables {

    /** What the clerk reads; the library's own message (English, technical) stays in the cause for the log. */
    static final String UNREADABLE = ".xlsx 工作簿无法读取，请确认文件未损坏、未加密后重新上传";

    private XlsxTables() {}

    static void read(Path file, TableSchema schema, TabularReader.RowHandler handler) {
        TableHeader header = new TableHeader(schema);
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new NotATableException("工作簿中没有工作表，请上传" + schema.name());
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
            throw new NotATableException(UNREADABLE, e);
        } catch (Exception e) {
            throw new NotATableException(UNREADABLE, e);
        }
        if (!header.found()) {
            throw header.notATable();
        }
        header.requireDataRows();
    }

    /** Collects the cells of each sheet row by column index and hands complete rows on. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final TableHeader header;
        private final TabularReader.RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        SheetRows(TableHeader header, TabularReader.RowHandler handler) {
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
}
