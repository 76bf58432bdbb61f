package com.yibaoflow.escalation;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** R-MM-06: the monthly file of fund figures, {@code POST /api/fund-indicators/imports} (issue #18 §6). */
@IntegrationTest
class FundIndicatorImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtime;

    /** As Dongzhi's (341721) medical security bureau. */
    ResultActions upload(String name, byte[] content) throws Exception {
        return upload(name, content, as(Department.MEDICAL_SECURITY));
    }

    ResultActions upload(String name, byte[] content, RequestPostProcessor user) throws Exception {
        return mvc.perform(multipart("/api/fund-indicators/imports")
                .file(new MockMultipartFile("file", name, "application/octet-stream", content))
                .with(user));
    }

    static byte[] utf8(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    long indicators(String from, String to) {
        return jdbc.queryForObject(
                "select count(*) from yibao.fund_indicator where month between ?::date and ?::date",
                Long.class,
                from + "-01",
                to + "-01");
    }

    long warnings(String region, String month) {
        return jdbc.queryForObject(
                "select count(*) from yibao.fund_warning where region_code = ? and month = ?::date",
                Long.class,
                region,
                month + "-01");
    }

    long reminders(String region, String month) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(FundWarnings.businessKey(region, YearMonth.parse(month)))
                .count();
    }

    @Test
    void R_MM_06_aGoodFileIsRecordedWithTheSameWarningRuleAsTheSinglePost() throws Exception {
        String csv = """
                统筹区划,月份,基金收入（元）,基金支出（元）,累计结余（元）
                341721,2031年1月,"1,200,000.00",1000000.00,9000000.00
                341722,2031-01,800000,1000000.00,5499999.99
                """;
        upload("基金运行指标.csv", utf8(csv), as(Department.CAMUNDA_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.recorded").value(2))
                .andExpect(jsonPath("$.unchanged").value(0))
                .andExpect(jsonPath("$.warnings[0]").value("341722 2031-01"));
        assertThat(indicators("2031-01", "2031-01")).isEqualTo(2);
        assertThat(warnings("341721", "2031-01")).isZero();
        assertThat(warnings("341722", "2031-01")).isEqualTo(1);
        assertThat(reminders("341722", "2031-01")).isEqualTo(1);
        assertThat(reminders("341721", "2031-01")).isZero();
        assertThat(jdbc.queryForObject(
                        "select months_covered from yibao.fund_indicator where region_code = '341722'"
                                + " and month = '2031-01-01'",
                        java.math.BigDecimal.class))
                .isEqualByComparingTo("5.50");
    }

    @Test
    void R_MM_06_theSameFileAgainDoublesNothing() throws Exception {
        byte[] csv = utf8("""
                regionCode,month,income,expenditure,balance
                341721,2031-02,1000000.00,1000000.00,3000000.00
                """);
        upload("fund.csv", csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(1));
        upload("fund.csv", csv)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(0))
                .andExpect(jsonPath("$.unchanged").value(1))
                .andExpect(jsonPath("$.warnings").isEmpty());
        assertThat(indicators("2031-02", "2031-02")).isEqualTo(1);
        assertThat(warnings("341721", "2031-02")).isEqualTo(1);
        assertThat(reminders("341721", "2031-02")).isEqualTo(1);
    }

    @Test
    void R_MM_06_badRowsAreNamedInChineseAndNothingIsRecorded() throws Exception {
        upload("fund.csv", utf8("""
                        regionCode,month,income,expenditure,balance
                        341721,2031-03,1000000.00,1000000.00,3000000.00
                        """)).andExpect(status().isOk());
        String csv = """
                统筹区划,月份,基金收入,基金支出,累计结余
                341721,2031-04,1000000.00,1000000.00,9000000.00
                341721,2031-13,1000000.00,1000000.00,9000000.00
                341721,2031-05,-1,1000000.001,abc
                341799,2031-05,1,1,1
                341721,2031-04,1000000.00,1000000.00,9000000.00
                341721,2031-03,1000000.00,1000000.00,1.00
                341721,2031-06,,1000000.00,9000000.00
                """;
        upload("fund.csv", utf8(csv))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("未导入任何数据")))
                .andExpect(jsonPath("$.rowErrors[*].rowNumber").value(containsInAnyOrder(3, 4, 4, 4, 5, 6, 7, 8)))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder(
                                "rows[3].month",
                                "rows[4].income",
                                "rows[4].expenditure",
                                "rows[4].balance",
                                "rows[5].regionCode",
                                "rows[6].month",
                                "rows[7].month",
                                "rows[8].income")))
                .andExpect(jsonPath("$.rowErrors[0].reason").value(containsString("第3行「月份」不是有效的月份")))
                .andExpect(jsonPath("$.rowErrors[?(@.rowNumber == 6)].reason")
                        .value(containsInAnyOrder(containsString("与第2行是同一地区同一月份"))))
                .andExpect(jsonPath("$.rowErrors[?(@.rowNumber == 7)].reason")
                        .value(containsInAnyOrder(containsString("已于此前报送"))));
        // all or nothing: the good row 2 was not recorded either
        assertThat(indicators("2031-04", "2031-06")).isZero();
    }

    @Test
    void aFileThatIsNotATableIsRefusedByName() throws Exception {
        upload("fund.csv", utf8("统筹区划,月份\n341721,2031-07\n"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload("fund.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3})
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void R_MM_06_anXlsxWorkbookWithChineseHeadersAndATitleRow() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("基金运行");
            sheet.createRow(0).createCell(0).setCellValue("2031年8月城乡居民医保基金运行情况");
            Row header = sheet.createRow(1);
            String[] headers = {"统筹区划", "月份", "基金收入（元）", "基金支出（元）", "累计结余（元）"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("341723");
            row.createCell(1).setCellValue("2031-08");
            row.createCell(2).setCellValue(500000);
            row.createCell(3).setCellValue(1000000);
            row.createCell(4).setCellValue(2000000.5);
            book.write(out);
        }
        upload("基金运行指标.xlsx", out.toByteArray(), as(Department.CAMUNDA_ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recorded").value(1))
                .andExpect(jsonPath("$.warnings[0]").value("341723 2031-08"));
        assertThat(jdbc.queryForObject(
                        "select balance from yibao.fund_indicator where region_code = '341723' and month = '2031-08-01'",
                        java.math.BigDecimal.class))
                .isEqualByComparingTo("2000000.50");
        assertThat(reminders("341723", "2031-08")).isEqualTo(1);
    }

    @Test
    void monthsAreReadAsClerksWriteThem() {
        assertThat(FundIndicatorRows.parseMonth("2025-03")).contains(YearMonth.of(2025, 3));
        assertThat(FundIndicatorRows.parseMonth("2025/3")).contains(YearMonth.of(2025, 3));
        assertThat(FundIndicatorRows.parseMonth("2025年3月")).contains(YearMonth.of(2025, 3));
        assertThat(FundIndicatorRows.parseMonth("202503")).contains(YearMonth.of(2025, 3));
        assertThat(FundIndicatorRows.parseMonth("2025-03-01")).contains(YearMonth.of(2025, 3));
        assertThat(FundIndicatorRows.parseMonth("2025-03-15")).isEmpty();
        assertThat(FundIndicatorRows.parseMonth("2025-13")).isEmpty();
    }
}
