package com.yibaoflow.monitoring;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Claims imports through the API on PostgreSQL (issue #19 §1): COPY, set-based checks, upsert on the claim id. */
@IntegrationTest
class ClaimImportTests {

    static final String HEADER = "claimId,idNumber,regionCode,settlementDate,hospitalLevel,totalCost,policyScopeCost,"
            + "basicPaid,criticalIllnessPaid,assistancePaid\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    final String prefix = "T" + UUID.randomUUID().toString().substring(0, 8) + "-";

    ResultActions upload(String name, byte[] content, Department as) throws Exception {
        return mvc.perform(multipart("/api/claims/imports")
                .file(new MockMultipartFile("file", name, "text/csv", content))
                .with(as(as)));
    }

    JsonNode report(String csv) throws Exception {
        ResultActions result = upload("claims.csv", csv.getBytes(StandardCharsets.UTF_8), Department.MEDICAL_SECURITY)
                .andExpect(status().isOk());
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    BigDecimal total(String claimId) {
        return jdbc.queryForObject(
                "select total_cost from yibao.claim where claim_id = ?", BigDecimal.class, prefix + claimId);
    }

    @Test
    void aGoodFileIsLoadedWholeAndARepeatedFileDoublesNothing() throws Exception {
        String a = TestIds.adult();
        String b = TestIds.adult();
        String csv = HEADER
                + prefix + "1," + a + ",341721,2025-02-01,三级,12000.50,10000,6000,1000,500\n"
                + prefix + "2," + a + ",341721,2025/3/5,二级,\"8,000\",7000,,,\n"
                + prefix + "3," + b + ",341721,20250410,一级,¥300元,300,200,0,0\n";
        JsonNode first = report(csv);
        assertThat(first.get("rows").asInt()).isEqualTo(3);
        assertThat(first.get("accepted").asInt()).isEqualTo(3);
        assertThat(first.get("inserted").asInt()).isEqualTo(3);
        assertThat(first.get("corrected").asInt()).isZero();
        assertThat(first.get("errors")).isEmpty();
        assertThat(total("1")).isEqualByComparingTo("12000.50");
        assertThat(total("2")).isEqualByComparingTo("8000.00");
        assertThat(jdbc.queryForObject(
                        "select basic_paid from yibao.claim where claim_id = ?", BigDecimal.class, prefix + "2"))
                .isNull();

        JsonNode again = report(csv);
        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(again.get("corrected").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.claim where claim_id like ?", Integer.class, prefix + "%"))
                .isEqualTo(3);
        assertThat(again.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(jdbc.queryForObject(
                        "select file_path is null and worker is null from yibao.claim_import where id = ?",
                        Boolean.class,
                        again.get("importId").asLong()))
                .as("the kept file and the worker are let go when the import ends")
                .isTrue();
    }

    @Test
    void aCorrectedClaimReplacesTheOldOneAndIsCountedAsCorrected() throws Exception {
        String a = TestIds.adult();
        report(HEADER + prefix + "1," + a + ",341721,2025-02-01,三级,12000,10000,6000,1000,500\n" + prefix + "2," + a
                + ",341721,2025-02-03,三级,500,500,400,0,0\n");
        JsonNode corrected = report(HEADER + prefix + "1," + a + ",341721,2025-02-01,三级,11000,9000,5500,900,400\n"
                + prefix + "2," + a + ",341721,2025-02-03,三级,500,500,400,0,0\n"
                + prefix + "3," + a + ",341721,2025-02-04,三级,100,100,80,0,0\n");
        assertThat(corrected.get("inserted").asInt()).isEqualTo(1);
        assertThat(corrected.get("corrected").asInt()).isEqualTo(1);
        assertThat(corrected.get("unchanged").asInt()).isEqualTo(1);
        assertThat(total("1")).isEqualByComparingTo("11000.00");
        assertThat(jdbc.queryForObject(
                        "select corrected_at is not null from yibao.claim where claim_id = ?",
                        Boolean.class,
                        prefix + "1"))
                .isTrue();
    }

    @Test
    void badRowsAreReportedByRowAndFieldAndLeftOut() throws Exception {
        String a = TestIds.adult();
        String csv = HEADER
                + prefix + "1," + a + ",341721,2025-02-01,三级,1000,900,500,0,0\n" // row 2: good
                + prefix + "2," + TestIds.withWrongCheckDigit(a) + ",341721,2025-02-01,三级,1000,900,,,\n" // 3
                + prefix + "3," + a + ",341721,2025-02-30,三级,1000,900,,,\n" // 4: no such day
                + prefix + "4," + a + ",341721,2025-02-01,三级,abc,900,,,\n" // 5: amount
                + prefix + "5," + a + ",341721,2025-02-01,三级,1000,1200,,,\n" // 6: scope > total
                + prefix + "1," + a + ",341721,2025-02-01,三级,1000,900,500,0,0\n" // 7: duplicate of row 2
                + prefix + "6," + a + ",999999,2025-02-01,三级,1000,900,,,\n" // 8: region
                + prefix + "7," + a + ",341721,2025-02-01,,1000,900,,,\n" // 9: level missing
                + prefix + "8," + a + ",341721,2025-02-01,三级,1000,900,800,300,0\n"; // 10: paid > total
        JsonNode report = report(csv);
        assertThat(report.get("rows").asInt()).isEqualTo(9);
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("rejected").asInt()).isEqualTo(8);
        List<String> errors = new ArrayList<>();
        report.get("errors")
                .forEach(e -> errors.add(
                        e.get("rowNumber").asInt() + " " + e.get("field").asText()));
        assertThat(errors)
                .containsExactly(
                        "3 idNumber",
                        "4 settlementDate",
                        "5 totalCost",
                        "6 policyScopeCost",
                        "7 claimId",
                        "8 regionCode",
                        "9 hospitalLevel",
                        "10 basicPaid");
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.claim where claim_id like ?", Integer.class, prefix + "%"))
                .isEqualTo(1);
    }

    @Test
    void chineseHeadersInAnXlsxWorkbook() throws Exception {
        String a = TestIds.adult();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            var sheet = book.createSheet("结算");
            String[][] rows = {
                {"结算单号", "身份证号码", "参保地区划", "结算日期", "医院等级", "医疗总费用（元）", "政策范围内费用", "基本医保支付", "大病保险支付", "医疗救助支付", "是否农村居民"
                },
                {prefix + "x1", a, "341721", "2025-05-06", "三级", "20000", "18000", "9000", "2000", "0", "是"}
            };
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        upload("结算.xlsx", out.toByteArray(), Department.MEDICAL_SECURITY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1));
        assertThat(jdbc.queryForObject(
                        "select rural from yibao.claim where claim_id = ?", Boolean.class, prefix + "x1"))
                .isTrue();
    }

    @Test
    void onlyTheMedicalSecurityBureauLoadsClaims() throws Exception {
        upload("claims.csv", HEADER.getBytes(StandardCharsets.UTF_8), Department.CIVIL_AFFAIRS)
                .andExpect(status().isForbidden());
    }

    @Test
    void aFileThatIsNotATableLeavesNothing() throws Exception {
        upload("claims.csv", new byte[] {0, 1, 2, 3, 0, 0, 7}, Department.MEDICAL_SECURITY)
                .andExpect(status().isBadRequest());
    }
}
