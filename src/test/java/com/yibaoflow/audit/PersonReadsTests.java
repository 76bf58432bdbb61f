package com.yibaoflow.audit;

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
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #20 §6 "who looked": a case shown with the full ID number, a case's trail (JSON, CSV, XLSX) and the case
 * page's data, and a person's burden are logged reads (who, when, what); an auditor lists the reads of a person by ID
 * number, a caseworker may not.
 */
@IntegrationTest
@InCollectionPeriod
class PersonReadsTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonReads reads;

    @Test
    void readingAnEnrollmentCaseWithTheFullIdNumberIsLogged() throws Exception {
        String idNumber = TestIds.adult();
        JsonNode created = enroll(idNumber);
        String businessKey = created.get("businessKey").asText();
        long before = readsOf(businessKey).size();

        mvc.perform(get("/api/enrollments/{id}", created.get("id").asLong()).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.idNumber").value(idNumber));

        List<Map<String, Object>> rows = readsOf(businessKey);
        assertThat(rows).hasSize((int) before + 1);
        Map<String, Object> read = rows.get(rows.size() - 1);
        assertThat(read.get("what")).isEqualTo(PersonReads.ENROLLMENT_CASE);
        assertThat(read.get("read_by")).isEqualTo(TestUsers.userOf(Department.MEDICAL_SECURITY));
        assertThat(read.get("read_at")).isNotNull();

        // the auditor finds the read by the person's ID number (the business key ends with it)
        assertThat(listedReads(idNumber)).anySatisfy(r -> {
            assertThat(r.get("what").asText()).isEqualTo(PersonReads.ENROLLMENT_CASE);
            assertThat(r.get("subject").asText()).isEqualTo(businessKey);
            assertThat(r.get("readBy").asText()).isEqualTo(TestUsers.userOf(Department.MEDICAL_SECURITY));
        });
    }

    @Test
    void readingAPersonsBurdenIsLoggedAndOnlyAuditorsListTheReads() throws Exception {
        String idNumber = TestIds.adult();
        // one small claim of 2023 (a year no scan of the tests looks at): the person has a burden history
        String csv = "claimId,idNumber,regionCode,settlementDate,hospitalLevel,totalCost,policyScopeCost,basicPaid,"
                + "criticalIllnessPaid,assistancePaid\nREAD-" + System.nanoTime() + "," + idNumber
                + ",341721,2023-03-01,三级,100,100,90,0,0\n";
        mvc.perform(multipart("/api/claims/imports")
                        .file(new MockMultipartFile(
                                "file", "claims.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0));
        assertThat(readsOf(idNumber)).isEmpty();

        mvc.perform(get("/api/monitoring/persons/{id}", idNumber).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk());

        assertThat(readsOf(idNumber)).singleElement().satisfies(r -> {
            assertThat(r.get("what")).isEqualTo(PersonReads.PERSON_BURDEN);
            assertThat(r.get("read_by")).isEqualTo(TestUsers.userOf(Department.MEDICAL_SECURITY));
        });
        assertThat(listedReads(idNumber)).singleElement().satisfies(r -> {
            assertThat(r.get("what").asText()).isEqualTo(PersonReads.PERSON_BURDEN);
            assertThat(r.get("readAt").asText()).isNotBlank();
        });

        // a person without data is not found, and nothing was shown: no read
        String nobody = TestIds.adult();
        mvc.perform(get("/api/monitoring/persons/{id}", nobody).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isNotFound());
        assertThat(readsOf(nobody)).isEmpty();

        // only auditors (and admins) list who looked
        mvc.perform(get("/api/audit/reads").param("subject", idNumber).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/reads").param("subject", idNumber).with(as(Department.CIVIL_AFFAIRS_SUPERVISORS)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/audit/reads").param("subject", idNumber)).andExpect(status().isUnauthorized());
    }

    @Test
    void readingACasesTrailInEveryFormatAndTheCasePagesDataIsLogged() throws Exception {
        String idNumber = TestIds.adult();
        String businessKey = enroll(idNumber).get("businessKey").asText();

        for (String format : List.of("json", "csv", "xlsx")) {
            mvc.perform(get("/api/cases/{bk}/trail", businessKey)
                            .param("format", format)
                            .with(as(Department.AUDITORS)))
                    .andExpect(status().isOk());
        }
        mvc.perform(get("/api/cases/{bk}/diagrams", businessKey).with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isOk());
        // nothing shown, nothing logged: a format the trail does not have
        mvc.perform(get("/api/cases/{bk}/trail", businessKey)
                        .param("format", "pdf")
                        .with(as(Department.AUDITORS)))
                .andExpect(status().isBadRequest());

        List<String> trailReads = new ArrayList<>();
        List<String> pageReads = new ArrayList<>();
        for (JsonNode r : listedReads(idNumber)) {
            assertThat(r.get("subject").asText()).isEqualTo(businessKey);
            switch (r.get("what").asText()) {
                case PersonReads.CASE_TRAIL ->
                    trailReads.add(
                            r.get("readBy").asText() + " " + r.get("detail").asText());
                case PersonReads.CASE_DIAGRAMS -> pageReads.add(r.get("readBy").asText());
                default -> {}
            }
        }
        String auditor = TestUsers.userOf(Department.AUDITORS);
        assertThat(trailReads).containsExactly(auditor + " json", auditor + " csv", auditor + " xlsx");
        assertThat(pageReads).containsExactly(TestUsers.userOf(Department.MEDICAL_SECURITY_SUPERVISORS));
    }

    @Test
    void aTrailShowingAnotherPersonsCalledCaseIsListedByThatPersonsIdNumberToo() throws Exception {
        String resident = TestIds.adult();
        String other = TestIds.adult();
        String businessKey = "HC-341721-2025-" + resident;
        reads.shownCase(
                PersonReads.CASE_TRAIL,
                businessKey,
                List.of(
                        businessKey,
                        "HV-HC-341721-2025-" + resident,
                        "HV-341721-2025-" + other,
                        "MM-341721-皖医保[2025]3号"),
                "csv");

        assertThat(listedReads(resident)).singleElement().satisfies(r -> {
            assertThat(r.get("subject").asText()).isEqualTo(businessKey);
            assertThat(r.get("detail").asText()).isEqualTo("csv");
        });
        assertThat(listedReads(other)).singleElement().satisfies(r -> {
            assertThat(r.get("what").asText()).isEqualTo(PersonReads.CASE_TRAIL);
            assertThat(r.get("subject").asText()).isEqualTo(other);
            assertThat(r.get("detail").asText()).isEqualTo(businessKey + " csv");
            assertThat(r.get("readBy").asText()).isEqualTo("system");
        });
        assertThat(listedReads(businessKey)).hasSize(1);
    }

    /** A new enrollment of the person, as a caseworker enters it: the created case. */
    private JsonNode enroll(String idNumber) throws Exception {
        return body(mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"张三",
                                 "residence":"LOCAL_HUKOU","township":"尧渡镇","phone":"13800000000"}""".formatted(idNumber)))
                .andExpect(status().isCreated()));
    }

    private List<Map<String, Object>> readsOf(String subject) {
        return jdbc.queryForList(
                "select read_by, read_at, what, subject, detail from yibao.audit_read where subject = ? order by id",
                subject);
    }

    private List<JsonNode> listedReads(String subject) throws Exception {
        List<JsonNode> reads = new ArrayList<>();
        body(mvc.perform(get("/api/audit/reads").param("subject", subject).with(as(Department.AUDITORS)))
                        .andExpect(status().isOk()))
                .forEach(reads::add);
        return reads;
    }

    private JsonNode body(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
