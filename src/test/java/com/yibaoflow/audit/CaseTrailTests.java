package com.yibaoflow.audit;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #20 §1/§6: a full enrollment with hardship verification (R-SUB-01) produces one trail naming every step,
 * user, decision and figure with its rule ID, across the called process; CSV and XLSX carry the same rows; reads
 * are logged; caseworkers may not read trails.
 */
@IntegrationTest
@InCollectionPeriod
class CaseTrailTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    CaseTrail trails;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void R_SUB_01_aFullEnrollmentWithHardshipVerificationIsTracedAcrossTheCalledProcess() throws Exception {
        String businessKey = enrolledWithVerifiedHardship();

        JsonNode trail = json.readTree(
                mvc.perform(get("/api/cases/{bk}/trail", businessKey).with(as(Department.AUDITORS)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));

        List<String> keys = new ArrayList<>();
        trail.get("instances")
                .forEach(i -> keys.add(i.get("processDefinitionKey").asText()));
        assertThat(keys).containsExactly("enrollment", "hardship-verification");

        JsonNode rows = trail.get("rows");
        List<JsonNode> all = new ArrayList<>();
        rows.forEach(all::add);
        assertThat(all).anySatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("TASK_CLAIMED");
            assertThat(r.get("actor").asText()).isEqualTo("civil-affairs-user");
            assertThat(r.get("elementId").asText()).isEqualTo("Task_VerifyClaim");
        });
        assertThat(all).anySatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("TASK_COMPLETED");
            assertThat(r.get("actor").asText()).isEqualTo("civil-affairs-user");
        });
        assertThat(all).anySatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("FORM_VALUE");
            assertThat(r.get("detail").asText()).contains("decision = VERIFY");
        });
        assertThat(all).anySatisfy(r -> assertThat(r.get("kind").asText()).isEqualTo("DECISION"));
        assertThat(all).anySatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("ACTIVITY");
            assertThat(r.get("elementId").asText()).isEqualTo("CallActivity_VerifyHardship");
        });
        assertThat(all)
                .filteredOn(r -> r.get("source").asText().equals("DOMAIN"))
                .isNotEmpty()
                .anySatisfy(r -> assertThat(r.get("ruleId").asText()).startsWith("R-"));
        assertThat(all).extracting(r -> r.get("businessKey").asText()).contains(businessKey, "HV-" + businessKey);
        // chronological
        List<String> times = all.stream().map(r -> r.get("at").asText()).toList();
        assertThat(times.stream().map(java.time.Instant::parse).toList()).isSorted();

        // the CSV has the same rows, in the same order
        String csv = mvc.perform(get("/api/cases/{bk}/trail", businessKey)
                        .param("format", "csv")
                        .with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv.substring(1)))
                .getRecords();
        assertThat(records).hasSize(rows.size());
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).get("kind"))
                    .isEqualTo(rows.get(i).get("kind").asText());
            assertThat(records.get(i).get("detail"))
                    .isEqualTo(rows.get(i).get("detail").asText());
            assertThat(java.time.OffsetDateTime.parse(records.get(i).get("at")).toInstant())
                    .isEqualTo(java.time.Instant.parse(rows.get(i).get("at").asText()));
        }

        byte[] xlsx = mvc.perform(get("/api/cases/{bk}/trail", businessKey)
                        .param("format", "xlsx")
                        .with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(rows.size());
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue())
                    .isEqualTo(rows.get(0).get("kind").asText());
        }

        // §6: who looked
        JsonNode reads = json.readTree(mvc.perform(
                        get("/api/audit/reads").param("subject", businessKey).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<String> readers = new ArrayList<>();
        reads.forEach(r -> readers.add(r.get("readBy").asText()));
        assertThat(readers).contains("auditors-user", "medical-security-supervisors-user");
    }

    /** Issue #20 §2: the case page's data — each process's path from history and its BPMN XML; the page itself. */
    @Test
    void theCasePageShowsEachProcessWithThePathTakenAndItsDiagram() throws Exception {
        String businessKey = enrolledWithVerifiedHardship();

        JsonNode paths = json.readTree(
                mvc.perform(get("/api/cases/{bk}/diagrams", businessKey).with(as(Department.AUDITORS)))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8));
        List<String> keys = new ArrayList<>();
        paths.forEach(p -> keys.add(p.get("processDefinitionKey").asText()));
        assertThat(keys).containsExactly("enrollment", "hardship-verification");
        JsonNode verification = paths.get(1);
        List<String> completed = new ArrayList<>();
        verification.get("completed").forEach(id -> completed.add(id.asText()));
        assertThat(completed).contains("Task_VerifyClaim");
        assertThat(verification.get("durationMillis").has("Task_VerifyClaim")).isTrue();
        assertThat(paths.get(0).get("state").asText()).isEqualTo("COMPLETED");
        assertThat(paths.get(0).get("active")).isEmpty();

        String xml = mvc.perform(get(
                                "/api/audit/process-definitions/{id}/xml",
                                verification.get("processDefinitionId").asText())
                        .with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(xml).contains("bpmndi:BPMNDiagram").contains("id=\"Task_VerifyClaim\"");

        String page = mvc.perform(get("/cases/{bk}", businessKey).with(as(Department.CIVIL_AFFAIRS_SUPERVISORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("案件办理轨迹").contains("/webjars/bpmn-js/");
        mvc.perform(get("/webjars/bpmn-js/8.0.0/dist/bpmn-viewer.production.min.js"))
                .andExpect(status().isOk());
    }

    /** Business keys carry the full ID number (docs/audit.md): the page shows it masked, the key itself unchanged. */
    @Test
    void theCasePageShowsTheIdNumberInTheBusinessKeyMasked() throws Exception {
        String idNumber = TestIds.adult();
        String page = mvc.perform(
                        get("/cases/{bk}", "ENR-341721-2025-" + idNumber).with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("<span id=\"businessKey\">ENR-341721-2025-"
                        + com.yibaoflow.shared.id.ResidentIdNumber.mask(idNumber) + "</span>")
                .doesNotContain(idNumber);
        // the key is text, never markup
        assertThat(mvc.perform(get("/cases/{bk}", "<b>x<i>").with(as(Department.AUDITORS)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .contains("&lt;b&gt;x&lt;i&gt;")
                .doesNotContain("<b>x<i>");
    }

    @Test
    void aCaseworkerMayNotOpenTheCasePageNorItsDiagrams() throws Exception {
        mvc.perform(get("/cases/{bk}", "ENR-none").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/{bk}/diagrams", "ENR-none").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/process-definitions/{id}/xml", "enrollment:1:x")
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/cases/{bk}", "ENR-none")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/cases/{bk}/diagrams", "ENR-none").with(as(Department.AUDITORS)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/audit/process-definitions/{id}/xml", "none:1:x").with(as(Department.AUDITORS)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aCaseworkerMayNotReadATrailAndAnUnknownCaseIsNotFound() throws Exception {
        mvc.perform(get("/api/cases/{bk}/trail", "ENR-none").with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/cases/{bk}/trail", "ENR-none").with(as(Department.AUDITORS)))
                .andExpect(status().isNotFound());
    }

    /** An enrollment claiming extreme poverty, verified by civil affairs: it ends enrolled without payment. */
    private String enrolledWithVerifiedHardship() throws Exception {
        String idNumber = TestIds.adult();
        JsonNode created = json.readTree(mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"张三",
                                 "residence":"LOCAL_HUKOU","township":"尧渡镇","phone":"13800000000",
                                 "claimedCategories":["EXTREME_POVERTY"]}""".formatted(idNumber)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String businessKey = created.get("businessKey").asText();
        String root = created.get("processInstanceId").asText();
        driver.runJobs(root);
        Task verify = driver.family(root).stream()
                .flatMap(id ->
                        tasks
                                .createTaskQuery()
                                .processInstanceId(id)
                                .taskDefinitionKey("Task_VerifyClaim")
                                .list()
                                .stream())
                .findFirst()
                .orElseThrow();
        // §5: Camunda's authorizations refuse an auditor claiming it
        identity.setAuthentication("auditors-user", List.of(Department.AUDITORS.groupId()));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> tasks.claim(verify.getId(), "auditors-user"))
                    .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        tasks.claim(verify.getId(), "civil-affairs-user");
        tasks.complete(verify.getId(), Variables.createVariables().putValue("decision", "VERIFY"));
        driver.runJobs(root);
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from yibao.event_publication where completion_date is null "
                                        + "and serialized_event like ?",
                                Long.class,
                                "%" + businessKey + "%")
                        == 0);
        return businessKey;
    }
}
