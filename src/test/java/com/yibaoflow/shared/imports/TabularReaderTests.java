package com.yibaoflow.shared.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularReaderTests {

    static final TableSchema ROSTER = TableSchema.of(
            "roster",
            ColumnSpec.required("idNumber", "身份证号码", "身份证号"),
            ColumnSpec.required("name", "姓名"),
            ColumnSpec.optional("amount", "缴费金额"),
            ColumnSpec.optional("validFrom", "认定起始日期"));

    @TempDir
    Path dir;

    List<ImportRow> read(Path file) {
        List<ImportRow> rows = new ArrayList<>();
        TabularReader.read(file, ROSTER, rows::add);
        return rows;
    }

    Path csv(String text, Charset charset) throws IOException {
        Path file = Files.createTempFile(dir, "t", ".csv");
        Files.writeString(file, text, charset);
        return file;
    }

    @Test
    void chineseHeadersWithMarksUnitsAndATitleRowAbove() throws IOException {
        List<ImportRow> rows = read(csv("""
                东至县2025年参保花名册,,
                *身份证号码,姓　名,缴费金额（元）,备注
                341721198001011234,张三,400,x

                "341721198001021234","李,四",400.5,
                """, StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).rowNumber()).isEqualTo(3);
        assertThat(rows.get(0).get("idNumber")).isEqualTo("341721198001011234");
        assertThat(rows.get(0).get("amount")).isEqualTo("400");
        assertThat(rows.get(1).get("name")).isEqualTo("李,四");
        assertThat(rows.get(1).values()).doesNotContainKey("备注");
    }

    @Test
    void englishKeysBomAndSemicolons() throws IOException {
        List<ImportRow> rows = read(csv("\uFEFFidNumber;name\n341721198001011234;张三\n", StandardCharsets.UTF_8));
        assertThat(rows)
                .singleElement()
                .satisfies(r -> assertThat(r.get("name")).isEqualTo("张三"));
    }

    @Test
    void gbkFromExcelOnChineseWindows() throws IOException {
        List<ImportRow> rows = read(csv("身份证号码,姓名\r\n341721198001011234,王五\r\n", Charset.forName("GB18030")));
        assertThat(rows)
                .singleElement()
                .satisfies(r -> assertThat(r.get("name")).isEqualTo("王五"));
    }

    @Test
    void aMissingRequiredColumnRejectsTheFileNamingTheColumn() throws IOException {
        Path file = csv("身份证号码,电话\n341721198001011234,1\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file))
                .isInstanceOf(NotATableException.class)
                .hasMessageContaining("姓名")
                .hasMessageContaining("电话");
    }

    @Test
    void binaryLegacyXlsAndEmptyFilesAreNotTables() throws IOException {
        Path png = Files.write(dir.resolve("x.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
        Path xls = Files.write(dir.resolve("x.xls"), new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
        Path empty = Files.write(dir.resolve("e.csv"), new byte[0]);
        assertThatThrownBy(() -> read(png)).isInstanceOf(NotATableException.class);
        assertThatThrownBy(() -> read(xls))
                .isInstanceOf(NotATableException.class)
                .hasMessageContaining(".xlsx");
        assertThatThrownBy(() -> read(empty)).isInstanceOf(NotATableException.class);
    }

    @Test
    void xlsxWithTitleRowDateNumberAndTextCells() throws IOException {
        Path file = dir.resolve("r.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("花名册");
            sheet.createRow(0).createCell(0).setCellValue("东至县特困人员花名册");
            Row header = sheet.createRow(1);
            String[] titles = {"身份证号码", "姓名", "缴费金额", "认定起始日期"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy/m/d"));
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("34172119800101123X");
            row.createCell(1).setCellValue("赵六");
            row.createCell(2).setCellValue(400.5);
            row.createCell(3).setCellValue(LocalDate.of(2024, 3, 1));
            row.getCell(3).setCellStyle(dateStyle);
            Row second = sheet.createRow(4);
            second.createCell(0).setCellValue(341721198001011234d);
            second.createCell(1).setCellValue("钱七");
            second.createCell(2).setCellValue(400);
            wb.write(out);
        }
        List<ImportRow> rows = read(file);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).rowNumber()).isEqualTo(3);
        assertThat(rows.get(0).get("idNumber")).isEqualTo("34172119800101123X");
        assertThat(rows.get(0).get("amount")).isEqualTo("400.5");
        assertThat(rows.get(0).get("validFrom")).isEqualTo("2024-03-01");
        assertThat(rows.get(1).rowNumber()).isEqualTo(5);
        assertThat(rows.get(1).get("amount")).isEqualTo("400");
        assertThat(rows.get(1).get("idNumber")).doesNotContain("E");
    }

    @Test
    void aHundredThousandRowsStreamThrough() throws IOException {
        Path file = dir.resolve("big.csv");
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("身份证号码,姓名\n");
            for (int i = 0; i < 100_000; i++) {
                w.write("34172119800101" + String.format("%04d", i % 10000) + ",居民" + i + "\n");
            }
        }
        int[] count = {0};
        int[] lastRow = {0};
        TabularReader.read(file, ROSTER, row -> {
            count[0]++;
            lastRow[0] = row.rowNumber();
        });
        assertThat(count[0]).isEqualTo(100_000);
        assertThat(lastRow[0]).isEqualTo(100_001);
    }

    @Test
    void valuesParseTheSpellingsDepartmentsUse() {
        assertThat(Values.parseDate("2024/1/5")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(Values.parseDate("2024年1月5日")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(Values.parseDate("20240105")).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThatThrownBy(() -> Values.parseDate("2024-02-30")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Values.parseAmount("¥1,234.5")).isEqualByComparingTo("1234.50");
        assertThat(Values.parseAmount("400元")).isEqualByComparingTo("400.00");
        assertThatThrownBy(() -> Values.parseAmount("四百")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCellWithANulIsThatRowsErrorNamingTheColumnAndNeverAValue() throws IOException {
        List<ImportRow> rows = read(csv("""
                身份证号码,姓名,缴费金额
                341721198001011234,张\0三,400
                341721198001021234,李四,400
                """, StandardCharsets.UTF_8));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).cellProblem())
                .isEqualTo(new ImportRow.CellProblem("name", "「姓名」列含有不可见控制字符（U+0000），请删除后重新上传"));
        assertThat(rows.get(0).values()).doesNotContainKey("name").containsEntry("amount", "400");
        assertThat(rows.get(1).cellProblem()).isNull();
        assertThat(rows.get(1).get("name")).isEqualTo("李四");
    }

    @Test
    void aControlCharacterInAnXlsxCellIsThatRowsErrorToo() throws IOException {
        Path file = dir.resolve("c.xlsx");
        try (SXSSFWorkbook wb = new SXSSFWorkbook();
                OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("身份证号码");
            header.createCell(1).setCellValue("姓名");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue("341721198001011234_x0007_"); // how Excel writes U+0007 in its XML
            row.createCell(1).setCellValue("张三");
            wb.write(out);
        }
        List<ImportRow> rows = read(file);
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.cellProblem()).as(r.values().toString()).isNotNull();
            assertThat(r.cellProblem().column()).isEqualTo("idNumber");
            assertThat(r.cellProblem().reason()).contains("U+0007");
            assertThat(r.get("idNumber")).isNull();
            assertThat(r.get("name")).isEqualTo("张三");
        });
    }

    @Test
    void aFileWithManyNulBytesIsStillNotText() {
        byte[] utf16 = "身份证号码,姓名\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(TabularReader.looksBinary(utf16)).isTrue();
        assertThat(TabularReader.looksBinary("身份证号码,姓名\n1,\u0000\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
