package com.yibaoflow.shared.imports;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.ImportPolling;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * Issue #21 §3: a township clerk reads the reasons an import gives for its bad rows and for a refused file. Through
 * the REST API, every import (township roster, department roster, employee insurance, coverage history, payments,
 * claims) is given a bad file; each reason is Chinese, names its column as the file does, and carries no English
 * word, enum constant, exception class or stack trace. The row's {@code field} stays the English key, for programs.
 */
@IntegrationTest
@InCollectionPeriod
class ImportReasonsInChineseTests {

    /** Abbreviations a clerk reads as such: file formats and the ID-number standard. */
    static final Set<String> ALLOWED_LATIN = Set.of("CSV", "xlsx", "xls", "Excel", "UTF", "GB");

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    final String badId = TestIds.withWrongCheckDigit(TestIds.adult());
    final String good = TestIds.adult();

    @Test
    void theTownshipRosterReasonsAreChinese() throws Exception {
        JsonNode result = run(
                upload("/api/enrollments/imports", "尧渡镇花名册.csv", """
                        身份证号码,姓名,户籍类型,乡镇,联系电话,困难类别,补缴年数
                        %s,孙一,本地户籍,尧渡镇,,,
                        %s,,本地户籍,尧渡镇,,,
                        %s,孙三,火星户籍,尧渡镇,,,
                        %s,孙四,本地户籍,尧渡镇,,富裕户,
                        %s,孙五,本地户籍,尧渡镇,,,两年
                        """.formatted(
                                        badId, TestIds.adult(), TestIds.adult(), TestIds.adult(), TestIds.adult()))
                        .param("regionCode", "341721")
                        .param("coverageYear", "2025"),
                Department.TOWNSHIPS);
        assertChineseReasons(result, 5);
        assertThat(reasons(result)).anyMatch(r -> r.startsWith("「身份证号码」"));
    }

    @Test
    void theDepartmentRosterReasonsAreChinese() throws Exception {
        JsonNode result = run(
                upload("/api/rosters/imports", "花名册.csv", """
                        身份证号码,姓名,困难类别,认定起始日期,认定终止日期,乡镇
                        %s,甲,低保对象,2024-01-01,,仁里镇
                        %s,乙,富裕户,2024-01-01,,仁里镇
                        %s,丙,低保对象,二〇二四年,,仁里镇
                        %s,丁,低保对象,2024-05-01,2024-01-01,仁里镇
                        %s,戊,低保对象,2024-01-01,,仁里镇
                        """.formatted(
                                        badId, TestIds.adult(), TestIds.adult(), TestIds.adult(), good))
                        .param("department", "civil-affairs")
                        .param("asOf", "2025-03-01")
                        .param("regionCode", "341721"),
                Department.CAMUNDA_ADMIN);
        assertChineseReasons(result, 4);
        assertThat(reasons(result)).contains("「认定终止日期」早于认定起始日期");
    }

    @Test
    void theRegistryExtractReasonsAreChinese() throws Exception {
        JsonNode employee = run(
                upload("/api/registries/employee-insurance/imports", "职工参保.csv", """
                        身份证号码,姓名,参保开始日期,参保终止日期,单位名称
                        %s,王一,2020-01-01,,东至县某厂
                        %s,王二,去年,,东至县某厂
                        %s,王三,2024-05-01,2024-01-01,东至县某厂
                        """.formatted(
                                badId, TestIds.adult(), TestIds.adult())),
                Department.MEDICAL_SECURITY);
        assertChineseReasons(employee, 3);

        JsonNode history = run(
                upload("/api/registries/coverage-history/imports", "历年参保.csv", """
                        身份证号码,姓名,参保地区代码,参保年度,险种,参保开始日期,参保终止日期
                        %s,王四,34172,2024,居民,2024-01-01,2024-12-31
                        %s,王五,341721,某年,居民,2024-01-01,2024-12-31
                        %s,王六,341721,2024,商业,2024-01-01,2024-12-31
                        """.formatted(
                                TestIds.adult(), TestIds.adult(), TestIds.adult())),
                Department.MEDICAL_SECURITY);
        assertChineseReasons(history, 3);
    }

    @Test
    void thePaymentFileReasonsAreChinese() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode result = run(
                upload("/api/payments/imports", "缴费明细.csv", """
                        电子税票号码,缴费人证件号码,参保地区代码,缴费年度,实缴金额,缴费渠道,缴费时间
                        R1-%s,%s,341721,2025,400,微信,2024-11-15 10:30:00
                        R2-%s,%s,341721,2025,四百元,微信,2024-11-15 10:30:00
                        R3-%s,%s,341721,2025,400,飞鸽传书,2024-11-15 10:30:00
                        R4-%s,%s,341721,2025,400,微信,某日
                        R5-%s,%s,341721,2025,400,微信,2024-11-15 10:30:00
                        """.formatted(
                                tag, badId, tag, good, tag, good, tag, good, tag, TestIds.adult())),
                Department.TAX);
        assertChineseReasons(result, 5);
    }

    @Test
    void theClaimsFileReasonsAreChinese() throws Exception {
        String prefix = "Z" + UUID.randomUUID().toString().substring(0, 8) + "-";
        JsonNode result = run(
                upload("/api/claims/imports", "结算数据.csv", """
                        结算单号,身份证号码,参保地区划,结算日期,医院等级,医疗总费用,政策范围内费用
                        %s1,%s,341721,2025-02-01,三级,1000,900
                        %s2,%s,341721,2025-02-30,三级,1000,900
                        %s3,%s,341721,2025-02-01,三级,一千,900
                        %s4,%s,341721,2025-02-01,三级,1000,1200
                        %s5,%s,341721,2025-02-01,三级,1000,900
                        %s5,%s,341721,2025-02-01,三级,1000,900
                        """.formatted(
                                prefix, badId, prefix, good, prefix, good, prefix, good, prefix, good, prefix, good)),
                Department.MEDICAL_SECURITY);
        assertChineseReasons(result, 5);
    }

    @Test
    void aFileThatIsNoTableIsRefusedInChinese() throws Exception {
        for (String path : List.of("/api/enrollments/imports", "/api/payments/imports", "/api/claims/imports")) {
            var request = upload(path, "说明.csv", "这不是表格\n只是几行字\n");
            if (path.startsWith("/api/enrollments")) {
                request.param("regionCode", "341721").param("coverageYear", "2025");
            }
            Department as = path.contains("payments")
                    ? Department.TAX
                    : path.contains("claims") ? Department.MEDICAL_SECURITY : Department.TOWNSHIPS;
            MvcResult refused = mvc.perform(request.with(as(as))).andReturn();
            assertThat(refused.getResponse().getStatus()).as(path).isEqualTo(400);
            JsonNode problem = json.readTree(refused.getResponse().getContentAsString(StandardCharsets.UTF_8));
            List<String> texts = new ArrayList<>();
            problem.path("errors")
                    .forEach(e ->
                            texts.add(e.path("message").asText(e.path("reason").asText())));
            assertThat(texts).as(path + " " + problem).isNotEmpty();
            texts.forEach(t -> assertClerkReadable(path, t));
        }
    }

    private MockMultipartHttpServletRequestBuilder upload(String path, String name, String csv) {
        return multipart(path)
                .file(new MockMultipartFile("file", name, "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
    }

    /** The import's report: at once, or polled to its end when the import runs in the background. */
    private JsonNode run(MockHttpServletRequestBuilder request, Department as) throws Exception {
        MvcResult result = mvc.perform(request.with(as(as))).andReturn();
        int status = result.getResponse().getStatus();
        assertThat(status)
                .as(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .isIn(200, 201, 202);
        if (status == 202) {
            return ImportPolling.awaitEnd(mvc, json, result.getResponse().getHeader("Location"), as(as), () -> {});
        }
        return json.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> reasons(JsonNode report) {
        List<String> reasons = new ArrayList<>();
        report.path("errors").forEach(e -> reasons.add(e.path("reason").asText()));
        return reasons;
    }

    private static void assertChineseReasons(JsonNode report, int atLeast) {
        List<String> reasons = reasons(report);
        assertThat(reasons).as(report.toString()).hasSizeGreaterThanOrEqualTo(atLeast);
        report.path("errors")
                .forEach(e -> assertThat(e.path("field").asText())
                        .as("the field stays the English key for programs")
                        .matches("[A-Za-z.\\[\\]0-9]+"));
        reasons.forEach(r -> assertClerkReadable(report.toString(), r));
    }

    static void assertClerkReadable(String where, String reason) {
        assertThat(CJK.matcher(reason).find())
                .as(where + ": Chinese: " + reason)
                .isTrue();
        assertThat(reason).as(where).doesNotContain("Exception", "\tat ", "at com.", "at org.", "java.", "null");
        Matcher latin = LATIN_WORD.matcher(reason);
        while (latin.find()) {
            assertThat(ALLOWED_LATIN).as(where + ": Latin word in " + reason).contains(latin.group());
        }
    }
}
