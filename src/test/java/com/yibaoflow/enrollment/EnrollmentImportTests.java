package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.ImportPolling;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The roster door (issue #4 §1) and the eligibility registries (§3), through the API on PostgreSQL. */
@IntegrationTest
@InCollectionPeriod
class EnrollmentImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ShiftableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    ResultActions upload(String path, MockMultipartFile file, Department as, String... params) throws Exception {
        var request = multipart(path).file(file).with(as(as));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    static MockMultipartFile csv(String name, String text) {
        return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode awaitImport(String location) throws Exception {
        return ImportPolling.awaitEnd(mvc, json, location, as(Department.MEDICAL_SECURITY), () -> {});
    }

    @Test
    void aTownshipRosterStartsOneCaseAPersonAndReportsEveryBadRow() throws Exception {
        String good1 = TestIds.adult();
        String good2 = TestIds.adult();
        String already = TestIds.adult();
        jdbc.update(
                "insert into yibao.enrollment_case (business_key, id_number, name, region_code, coverage_year, "
                        + "residence, township, source, status, created_at, created_by, updated_at) values (?, ?, '既有', "
                        + "'341721', 2025, 'LOCAL_HUKOU', '尧渡镇', 'API', 'AWAITING_PAYMENT', now(), 'test', now())",
                "ENR-341721-2025-" + already,
                already);
        String roster = """
                东至县尧渡镇2025年度城乡居民医保参保花名册
                身份证号码,姓名,户籍类型,乡镇,联系电话,困难类别
                %s,孙一,本地户籍,尧渡镇,13800000001,
                %s,孙二,外地户籍常住人口,尧渡镇,,低保对象
                %s,孙三,本地户籍,尧渡镇,,
                %s,,本地户籍,尧渡镇,,
                %s,孙五,火星户籍,尧渡镇,,
                %s,孙六,本地户籍,尧渡镇,,富人
                %s,孙一,本地户籍,尧渡镇,,
                %s,孙八,本地户籍,尧渡镇,,
                """.formatted(
                        good1,
                        good2,
                        TestIds.withWrongCheckDigit(TestIds.adult()),
                        TestIds.adult(),
                        TestIds.adult(),
                        TestIds.adult(),
                        good1,
                        already);
        String location = upload(
                        "/api/enrollments/imports",
                        csv("尧渡镇花名册.csv", roster),
                        Department.TOWNSHIPS,
                        "regionCode",
                        "341721",
                        "coverageYear",
                        "2025")
                .andExpect(status().isAccepted())
                .andExpect(header().exists("Location"))
                .andReturn()
                .getResponse()
                .getHeader("Location");

        JsonNode result = awaitImport(location);
        assertThat(result.at("/status/status").asText()).isEqualTo("COMPLETED");
        assertThat(result.at("/status/total").asInt()).isEqualTo(8);
        assertThat(result.at("/status/processed").asInt()).isEqualTo(8);
        assertThat(result.at("/status/started").asInt()).isEqualTo(2);
        assertThat(result.at("/status/rejected").asInt()).isEqualTo(6);
        JsonNode errors = result.get("errors");
        assertThat(errors).hasSize(6);
        assertThat(errors.get(0).get("rowNumber").asInt()).isEqualTo(5);
        assertThat(errors.get(0).get("field").asText()).isEqualTo("idNumber");
        assertThat(errors.get(1).get("field").asText()).isEqualTo("name");
        assertThat(errors.get(2).get("field").asText()).isEqualTo("residence");
        assertThat(errors.get(3).get("field").asText()).isEqualTo("claimedCategories[0]");
        assertThat(errors.get(4).get("reason").asText()).contains("与本文件第 3 行是同一人");
        assertThat(errors.get(5).get("reason").asText()).contains("年度已有参保登记");
        assertThat(jdbc.queryForList(
                        "select claimed_categories::text from yibao.enrollment_case where id_number = ?",
                        String.class,
                        good2))
                .singleElement()
                .asString()
                .contains("MINIMUM_LIVING");
        assertThat(jdbc.queryForObject(
                        "select source from yibao.enrollment_case where id_number = ?", String.class, good1))
                .isEqualTo("IMPORT");
    }

    @Test
    void anXlsxRosterWithEnglishKeysIsReadToo() throws Exception {
        String person = TestIds.adult();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SXSSFWorkbook wb = new SXSSFWorkbook()) {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("idNumber");
            header.createCell(1).setCellValue("name");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(person);
            row.createCell(1).setCellValue("钱九");
            wb.write(bytes);
        }
        String location = upload(
                        "/api/enrollments/imports",
                        new MockMultipartFile(
                                "file",
                                "roster.xlsx",
                                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                bytes.toByteArray()),
                        Department.MEDICAL_SECURITY,
                        "regionCode",
                        "341721",
                        "coverageYear",
                        "2025",
                        "township",
                        "香隅镇")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        JsonNode result = awaitImport(location);
        assertThat(result.at("/status/started").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "select township from yibao.enrollment_case where id_number = ?", String.class, person))
                .isEqualTo("香隅镇");
    }

    @Test
    void aFileThatIsNotARosterIsRefusedWholeAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("select count(*) from yibao.enrollment_import", Long.class);
        upload(
                        "/api/enrollments/imports",
                        csv("notes.csv", "会议纪要,日期\n讨论参保,2024-11-01\n"),
                        Department.MEDICAL_SECURITY,
                        "regionCode",
                        "341721",
                        "coverageYear",
                        "2025")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload(
                        "/api/enrollments/imports",
                        new MockMultipartFile(
                                "file", "photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 1}),
                        Department.MEDICAL_SECURITY,
                        "regionCode",
                        "341721",
                        "coverageYear",
                        "2025")
                .andExpect(status().isBadRequest());
        upload(
                        "/api/enrollments/imports",
                        csv("r.csv", "身份证号码,姓名\n"),
                        Department.MEDICAL_SECURITY,
                        "regionCode",
                        "341721")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("coverageYear"));
        assertThat(jdbc.queryForObject("select count(*) from yibao.enrollment_import", Long.class))
                .isEqualTo(before);
        upload(
                        "/api/enrollments/imports",
                        csv("r.csv", "身份证号码,姓名\n"),
                        Department.TAX,
                        "regionCode",
                        "341721",
                        "coverageYear",
                        "2025")
                .andExpect(status().isForbidden());
    }

    @Test
    void aLargeRosterStreamsThroughInBatches() throws Exception {
        StringBuilder roster = new StringBuilder("身份证号码,姓名\n");
        int rows = 3 * EnrollmentImportService.BATCH + 17;
        for (int i = 0; i < rows; i++) {
            roster.append(TestIds.bornOn(LocalDate.of(1940, 1, 1).plusDays(i)))
                    .append(",批量")
                    .append(i)
                    .append('\n');
        }
        String location = upload(
                        "/api/enrollments/imports",
                        csv("big.csv", roster.toString()),
                        Department.MEDICAL_SECURITY,
                        "regionCode",
                        "341721",
                        "coverageYear",
                        "2025",
                        "township",
                        "东流镇")
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        JsonNode result = awaitImport(location);
        assertThat(result.at("/status/started").asInt()).isEqualTo(rows);
        assertThat(result.get("errors")).isEmpty();
    }

    // ---- registries (R-ELIG-02) -----------------------------------------------------------------------------

    @Test
    void R_ELIG_02_employeeInsuranceExtractsImportIdempotentlyWithBadRowsReported() throws Exception {
        String person = TestIds.adult();
        String extract = """
                身份证号码,姓名,参保开始日期,参保终止日期,单位名称
                %s,周十,2020/3/1,,池州市某公司
                %s,吴一,2021年13月1日,,
                %s,郑二,2020-01-01,2019-01-01,
                """.formatted(person, TestIds.adult(), TestIds.adult());
        upload("/api/registries/employee-insurance/imports", csv("职工参保.csv", extract), Department.MEDICAL_SECURITY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(2))
                .andExpect(jsonPath("$.errors[0].rowNumber").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("validFrom"))
                .andExpect(jsonPath("$.errors[1].field").value("validTo"));
        upload("/api/registries/employee-insurance/imports", csv("职工参保.csv", extract), Department.MEDICAL_SECURITY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.unchanged").value(1));
        assertThat(jdbc.queryForObject(
                        "select employer from yibao.employee_insurance_record where id_number = ?",
                        String.class,
                        person))
                .isEqualTo("池州市某公司");
    }

    @Test
    void R_ELIG_02_otherRegionEnrollmentsImport() throws Exception {
        String person = TestIds.adult();
        upload(
                        "/api/registries/other-region-enrollments/imports",
                        csv("异地参保.csv", """
                身份证号码,姓名,参保地区代码,参保年度
                %s,王十一,340102,2025
                %s,王十二,34A102,2025
                """.formatted(person, TestIds.adult())),
                        Department.MEDICAL_SECURITY)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
        upload(
                        "/api/registries/other-region-enrollments/imports",
                        csv("x.csv", "a,b\n1,2\n"),
                        Department.MEDICAL_SECURITY)
                .andExpect(status().isBadRequest());
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.other_region_enrollment where id_number = ?", Long.class, person))
                .isEqualTo(1);
    }
}
