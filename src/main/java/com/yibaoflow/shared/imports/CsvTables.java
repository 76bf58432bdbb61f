package com.yibaoflow.shared.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV through Commons CSV: UTF-8 (with or without BOM) unless the sniffed bytes are not valid UTF-8, then GB18030
 * (the superset of the GBK that Excel on Chinese Windows writes); a comma, or a tab or semicolon when the header line
 * has no comma.
 */
final class CsvTables {

    private CsvTables() {}

    static void read(Path file, byte[] head, TableSchema schema, TabularReader.RowHandler handler) {
        Charset charset = isUtf8(head) ? StandardCharsets.UTF_8 : Charset.forName("GB18030");
        char delimiter = delimiter(new String(head, charset));
        // no setTrim: Commons CSV trims every char <= U+0020, which would silently drop a NUL at a cell's edge;
        // cells are stripped of whitespace after the control-character check instead (Header.row)
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(true)
                .get();
        TableHeader header = new TableHeader(schema);
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
                    throw new NotATableException("CSV 文件第 " + recordNumber + " 行之后格式有误（如引号不成对），无法读取", e);
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
                if (bytes.length < TabularReader.SNIFF_BYTES) {
                    return false; // the whole file was sniffed: nothing was cut off
                }
            }
        }
        return false;
    }
}
