package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.imports.ImportNode;
import com.yibaoflow.shared.imports.KeptUploads;
import com.yibaoflow.testsupport.ImportPolling;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.LateHeartbeats;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

/** Issue #16 §4: the tax bureau's payment file, every row through the path of {@code POST /api/payments}. */
@IntegrationTest
@InCollectionPeriod
class PaymentImportTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EnrollmentCases cases;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ResumableImports runner;

    @Autowired
    EnrollmentImports imports;

    @Autowired
    KeptUploads uploads;

    @Autowired
    ImportNode node;

    @Autowired
    PlatformTransactionManager transactions;

    /** A case of the person awaiting a payment of 400.00 (an API application, straight through). */
    long awaitingPayment(String idNumber) throws Exception {
        String response = mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"缴费人","residence":"LOCAL_HUKOU",
                 "township":"尧渡镇","phone":"13900000000","claimedCategories":[]}""".formatted(idNumber)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("AWAITING_PAYMENT"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(response).get("id").asLong();
    }

    JsonNode upload(MockMultipartFile file) throws Exception {
        String location = mvc.perform(
                        multipart("/api/payments/imports").file(file).with(as(Department.TAX)))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getHeader("Location");
        return ImportPolling.awaitEnd(mvc, json, location, as(Department.TAX), () -> {});
    }

    static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "缴费明细.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    long payments() {
        return jdbc.queryForObject("select count(*) from yibao.payment", Long.class);
    }

    @Test
    void R_PAY_aPaymentFileConfirmsEachRowAsTheApiDoesAndListsEveryRowNotAccepted() throws Exception {
        String paid1 = TestIds.adult();
        String paid2 = TestIds.adult();
        String wrong = TestIds.adult();
        String twice = TestIds.adult();
        long case1 = awaitingPayment(paid1);
        long case2 = awaitingPayment(paid2);
        awaitingPayment(wrong);
        awaitingPayment(twice);
        String unknown = TestIds.adult();
        String tag = Long.toString(case1);
        String file = """
                电子税票号码,缴费人证件号码,参保地区代码,缴费年度,实缴金额,缴费渠道,缴费时间
                F1-%1$s,%2$s,341721,2025,400.00,微信,2024-11-14 10:30:00
                F2-%1$s,%3$s,341721,2025,400,支付宝,2024/11/14 11:00
                F3-%1$s,%4$s,341721,2025,399.00,皖事通,2024-11-14
                F4-%1$s,%5$s,341721,2025,400.00,办税服务厅,2024-11-14 09:00:00
                F5-%1$s,%5$s,341721,2025,400.00,代收,2024-11-14 12:00:00
                F6-%1$s,%6$s,341721,2025,400.00,微信,2024-11-14 10:30:00
                F7-%1$s,%2$s,341721,2025,400.00,现金,2024-11-14 10:30:00
                F8-%1$s,%2$s,341721,2025,400.00,微信,十一月十五日
                F9-%1$s,34172119800101000X,341721,2025,400.00,微信,2024-11-14 10:30:00
                """.formatted(tag, paid1, paid2, wrong, twice, unknown);
        long before = payments();

        JsonNode result = upload(csv(file));

        assertThat(result.at("/status/kind").asText()).isEqualTo("PAYMENTS");
        assertThat(result.at("/status/status").asText()).isEqualTo("COMPLETED");
        assertThat(result.at("/status/total").asInt()).isEqualTo(9);
        assertThat(result.at("/status/started").asInt())
                .as("accepted: F1, F2, F4")
                .isEqualTo(3);
        assertThat(result.at("/status/rejected").asInt()).isEqualTo(6);
        List<String> errors = new ArrayList<>();
        result.get("errors")
                .forEach(e -> errors.add(
                        e.get("rowNumber").asInt() + " " + e.get("field").asText()));
        // F3 wrong amount (kept), F5 a second payment (kept to refund), F6 no case, F7 channel, F8 date, F9 ID number
        assertThat(errors)
                .containsExactly(
                        "4 amount", "6 paymentReference", "7 idNumber", "8 channel", "9 paidAt", "10 idNumber");
        assertThat(payments() - before)
                .as("F1…F5 are on record, whatever their outcome")
                .isEqualTo(5);
        assertThat(jdbc.queryForObject(
                        "select outcome from yibao.payment where payment_reference = ?", String.class, "F5-" + tag))
                .isEqualTo("OVERPAID");
        assertThat(jdbc.queryForObject(
                        "select channel from yibao.payment where payment_reference = ?", String.class, "F2-" + tag))
                .isEqualTo("ALIPAY");
        driver.runJobs(cases.findById(case1).orElseThrow().processInstanceId());
        driver.runJobs(cases.findById(case2).orElseThrow().processInstanceId());
        assertThat(cases.findById(case1).orElseThrow().status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(cases.findById(case2).orElseThrow().status()).isEqualTo(EnrollmentStatus.ENROLLED);

        mvc.perform(get("/api/payments/overpayments?regionCode=341721&coverageYear=2025")
                        .with(as(Department.TAX)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.paymentReference == 'F5-" + tag + "')].detail")
                        .value(org.hamcrest.Matchers.contains(
                                org.hamcrest.Matchers.containsString("已由缴费凭证 F4-" + tag + " 缴费"))));

        // the same file again: every reference is on record; nothing new, the same outcomes
        JsonNode again = upload(csv(file));
        assertThat(again.at("/status/started").asInt()).isEqualTo(3);
        assertThat(again.at("/status/rejected").asInt()).isEqualTo(6);
        assertThat(payments() - before).isEqualTo(5);
    }

    @Test
    void anXlsxPaymentFileWithEnglishHeadersIsReadToo() throws Exception {
        String person = TestIds.adult();
        long id = awaitingPayment(person);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SXSSFWorkbook book = new SXSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            String[][] rows = {
                {"paymentReference", "idNumber", "regionCode", "coverageYear", "amount", "channel", "paidAt"},
                {"X1-" + id, person, "341721", "2025", "400.00", "WECHAT", "2024-11-14T10:30:00+08:00"}
            };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            book.write(out);
        }
        JsonNode result = upload(new MockMultipartFile(
                "file",
                "payments.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                out.toByteArray()));
        assertThat(result.at("/status/started").asInt()).as("%s", result).isEqualTo(1);
        assertThat(result.get("errors")).isEmpty();
    }

    @Test
    void aFileThatIsNotAPaymentFileIsRefusedAndOnlyTheTaxBureauUploads() throws Exception {
        long imports = jdbc.queryForObject("select count(*) from yibao.enrollment_import", Long.class);
        mvc.perform(multipart("/api/payments/imports")
                        .file(csv("身份证号码,姓名\n341721198001010000,张三\n"))
                        .with(as(Department.TAX)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/payments/imports")
                        .file(csv("电子税票号码,缴费人证件号码,参保地区代码,缴费年度,实缴金额,缴费渠道,缴费时间\n"))
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from yibao.enrollment_import", Long.class))
                .isEqualTo(imports);
    }

    @Test
    void aSecondPaymentOfAPaidCaseThroughTheApiIsAConflictKeptAsAnOverpayment() throws Exception {
        String person = TestIds.adult();
        long id = awaitingPayment(person);
        String body = """
                {"paymentReference":"%s","idNumber":"%s","regionCode":"341721","coverageYear":2025,"amount":400.00,
                 "channel":"ALIPAY","paidAt":"2024-11-15T08:30:00+08:00"}""";
        mvc.perform(post("/api/payments")
                        .with(as(Department.TAX))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("A1-" + id, person)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/payments")
                        .with(as(Department.TAX))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted("A2-" + id, person)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.outcome").value("OVERPAID"))
                .andExpect(jsonPath("$.caseId").value(id));
        assertThat(jdbc.queryForObject(
                        "select outcome from yibao.payment where payment_reference = ?", String.class, "A2-" + id))
                .isEqualTo("OVERPAID");
    }

    @Test
    void aRunTakenOverAfterALateHeartbeatStopsWithoutEndingThePaymentFileAndEveryRowIsAnsweredOnce() throws Exception {
        String paidA = TestIds.adult();
        String paidB = TestIds.adult();
        awaitingPayment(paidA);
        awaitingPayment(paidB);
        String tag = "LATE-" + paidA + "-";
        int rows = 2 * EnrollmentImportService.BATCH + 30;
        StringBuilder csv = new StringBuilder("电子税票号码,缴费人证件号码,参保地区代码,缴费年度,实缴金额,缴费渠道,缴费时间\n");
        for (int i = 0; i < rows; i++) {
            int fileRow = i + 2;
            // the second batch pays the two cases; every other row names a person without a case
            String person = fileRow == 300 ? paidA : fileRow == 301 ? paidB : TestIds.adult();
            csv.append(tag).append(i).append(',').append(person).append(",341721,2025,400.00,微信,2024-11-14 10:30:00\n");
        }
        Path file = uploads.keep(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), "payments");
        long id = imports.create(
                "PAYMENTS", "迟到.csv", "341721", null, null, file, "tax-user", node.worker(), Instant.now());
        EnrollmentImports.Work work = EnrollmentImports.fresh(id, "PAYMENTS", file, "341721", null, null, "tax-user");
        AtomicReference<EnrollmentImports.Work> second = new AtomicReference<>();

        // after its first batch, the run's heartbeat is late and another node takes the file over; it goes on
        runner.run(work, () -> {
            if (second.get() == null) {
                second.set(new LateHeartbeats(jdbc, node, transactions)
                        .takeOver(EnrollmentImports.TABLE, id, imports::claimOrphaned, EnrollmentImports.Work::lease));
            }
            return true;
        });

        var left =
                jdbc.queryForMap("select status, failure, committed_row from yibao.enrollment_import where id = ?", id);
        assertThat(left.get("status"))
                .as("neither COMPLETED nor FAILED by the run taken over")
                .isEqualTo("RUNNING");
        assertThat(left.get("failure")).isNull();
        assertThat(left.get("committed_row")).isEqualTo(EnrollmentImportService.BATCH + 1);
        assertThat(Files.exists(file)).as("kept for the run that took over").isTrue();

        runner.run(second.get(), () -> true);

        EnrollmentImports.ImportStatus done = imports.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo("COMPLETED");
        assertThat(done.total()).isEqualTo(rows);
        assertThat(done.started()).as("the two payments").isEqualTo(2);
        assertThat(done.rejected()).isEqualTo(rows - 2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.enrollment_import_error where import_id = ?", Integer.class, id))
                .as("one answer per row not accepted, none twice")
                .isEqualTo(rows - 2);
        assertThat(jdbc.queryForObject(
                        "select count(distinct row_number) from yibao.enrollment_import_error where import_id = ?",
                        Integer.class,
                        id))
                .isEqualTo(rows - 2);
        assertThat(jdbc.queryForList(
                        "select outcome from yibao.payment where payment_reference like ? order by payment_reference",
                        String.class,
                        tag + "%"))
                .containsExactly("ACCEPTED", "ACCEPTED");
        assertThat(Files.exists(file)).isFalse();
    }
}
