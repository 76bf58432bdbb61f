package com.yibaoflow.shared.web;

import com.yibaoflow.shared.problem.DomainException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A table (header and rows of text cells) as a download: CSV (UTF-8 with a BOM, so that Excel shows Chinese text) or
 * XLSX (streamed, 100 rows in memory). The same rows in each format.
 */
public final class TableDownload {

    public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private TableDownload() {}

    /**
     * The response for {@code format} ({@code csv} or {@code xlsx}) named {@code fileBase}.csv/.xlsx; any other format
     * is a 400 naming the field {@code format}.
     */
    public static ResponseEntity<?> of(
            String format, String fileBase, String sheet, List<String> columns, List<List<String>> rows) {
        return switch (format) {
            case "csv" ->
                ResponseEntity.ok()
                        .contentType(CSV)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileBase + ".csv"))
                        .body(csv(columns, rows));
            case "xlsx" ->
                ResponseEntity.ok()
                        .contentType(XLSX)
                        .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileBase + ".xlsx"))
                        .body(xlsx(sheet, columns, rows));
            default -> throw DomainException.invalidField("format", "must be csv or xlsx");
        };
    }

    public static String csv(List<String> columns, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write('\uFEFF'); // Excel opens UTF-8 Chinese text correctly only with a BOM
        try (CSVPrinter printer = new CSVPrinter(
                out,
                CSVFormat.DEFAULT
                        .builder()
                        .setHeader(columns.toArray(String[]::new))
                        .get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static byte[] xlsx(String sheetName, List<String> columns, List<List<String>> rows) {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                header.createCell(i).setCellValue(columns.get(i));
            }
            int n = 1;
            for (List<String> cells : rows) {
                Row row = sheet.createRow(n++);
                for (int i = 0; i < cells.size(); i++) {
                    row.createCell(i).setCellValue(cells.get(i) == null ? "" : cells.get(i));
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            book.write(bytes);
            book.dispose();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
