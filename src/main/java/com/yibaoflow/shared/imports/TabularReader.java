package com.yibaoflow.shared.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the CSV and .xlsx files departments send, one row at a time and in constant memory (a 100 000-row roster
 * is never held whole): CSV through Commons CSV, .xlsx through POI's SAX event API over the first sheet. The kind is
 * told by content, not by name ({@link CsvTables}, {@link XlsxTables}). The header is the first row among the first
 * ten that names every required column (title rows above it are skipped; {@link TableHeader}); unknown columns are
 * ignored.
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

    static final int SNIFF_BYTES = 64 * 1024;

    private TabularReader() {}

    public static void read(Path file, TableSchema schema, RowHandler handler) {
        byte[] head = head(file, SNIFF_BYTES);
        if (head.length == 0) {
            throw new NotATableException("文件为空，请上传" + schema.name() + "（CSV 或 .xlsx）");
        }
        if (startsWith(head, 0x50, 0x4B, 0x03, 0x04)) {
            XlsxTables.read(file, schema, handler);
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new NotATableException("不能读取旧版 Excel（.xls）文件，请将" + schema.name() + "另存为 .xlsx 或 CSV（UTF-8）后上传");
        } else if (looksBinary(head)) {
            throw new NotATableException("文件既不是 CSV 文本也不是 .xlsx 工作簿，请上传" + schema.name());
        } else {
            CsvTables.read(file, head, schema, handler);
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
