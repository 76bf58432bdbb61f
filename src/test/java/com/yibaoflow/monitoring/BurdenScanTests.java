package com.yibaoflow.monitoring;

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
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The burden scan over seeded claims (issue #19 §2, R-MON-01, R-MON-02), on 贵池区 (341702), coverage year 2025, whose
 * parameters are a copy of Dongzhi 2025: warning lines LOW_INCOME 10 000 absolute, FORMERLY_POOR 0.50 × 21 144 =
 * 10 572.00, RURAL_OTHER 1.00 × 21 144 = 21 144.00, OTHER 26 000 absolute; inpatient deductible 500, fund ratio 0.70;
 * critical illness deductible 15 000, first segment (up to 35 000 above it) 0.60. No other test uses 341702/2025.
 */
@IntegrationTest
class BurdenScanTests {

    static final String REGION = "341702";
    static final String HEADER = "claimId,idNumber,regionCode,settlementDate,hospitalLevel,totalCost,policyScopeCost,"
            + "basicPaid,criticalIllnessPaid,assistancePaid,rural\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyService policies;

    void roster(String department, String csv) throws Exception {
        mvc.perform(multipart("/api/rosters/imports")
                        .file(new MockMultipartFile(
                                "file", "花名册.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("department", department)
                        .param("asOf", "2025-01-01")
                        .param("regionCode", REGION)
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isCreated());
    }

    void claims(String csv) throws Exception {
        mvc.perform(multipart("/api/claims/imports")
                        .file(new MockMultipartFile(
                                "file", "claims.csv", "text/csv", (HEADER + csv).getBytes(StandardCharsets.UTF_8)))
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0));
    }

    @Test
    void theScanWarnsExactlyThePeopleWhoseOutOfPocketReachesTheirGroupsLine() throws Exception {
        TestPolicies.ensureActive(policies, REGION, 2025);
        String p1 = TestIds.adult(); // 低保 → LOW_INCOME
        String p2 = TestIds.adult(); // 低保 → LOW_INCOME
        String p3 = TestIds.adult(); // 防止返贫监测对象 → FORMERLY_POOR
        String p4 = TestIds.adult(); // rural → RURAL_OTHER
        String p5 = TestIds.adult(); // OTHER
        String p6 = TestIds.adult(); // OTHER, claims without paid amounts
        roster(
                "civil-affairs",
                "idNumber,name,category,validFrom\n" + p1 + ",甲,低保,2025-01-01\n" + p2 + ",乙,低保,2025-01-01\n");
        roster("agriculture-rural", "idNumber,name,category,validFrom\n" + p3 + ",丙,防止返贫监测对象,2025-01-01\n");
        String k = "S25-" + System.nanoTime() + "-";
        claims(
                // P1: 30 000 − 15 000 − 3 000 − 1 500 = 10 500.00 ≥ 10 000.00 (LOW_INCOME): WARNING
                k + "1a," + p1 + ",341702,2025-02-01,三级,20000,18000,10000,3000,1500,\n"
                        + k + "1b," + p1 + ",341702,2025-04-01,二级,10000,9000,5000,0,0,\n"
                        // P2: 20 000 − 10 000.01 = 9 999.99 < 10 000.00: not even a candidate
                        + k + "2a," + p2 + ",341702,2025-03-01,三级,20000,20000,10000.01,0,0,\n"
                        // P3: 20 572 − 10 000 = 10 572.00 = the FORMERLY_POOR line 10 572.00: WARNING (≥)
                        + k + "3a," + p3 + ",341702,2025-05-01,三级,20572,20000,10000,0,0,\n"
                        // P4: 30 000 − 9 000 = 21 000.00 < 21 144.00 (RURAL_OTHER): candidate, no warning
                        + k + "4a," + p4 + ",341702,2025-06-30,三级,30000,30000,9000,0,0,是\n"
                        // P5: 40 000 − 13 999.99 = 26 000.01 ≥ 26 000.00 (OTHER): WARNING; the claim after asOf
                        // and the one of 2024 do not count
                        + k + "5a," + p5 + ",341702,2025-01-15,三级,40000,40000,13999.99,0,0,\n"
                        + k + "5b," + p5 + ",341702,2025-07-01,三级,5000,5000,0,0,0,\n"
                        + k + "5c," + p5 + ",341702,2024-12-31,三级,50000,50000,0,0,0,\n"
                        // P6: no paid amounts, layers computed over the yearly totals (100 000, in scope 90 000):
                        // basic (90 000 − 500) × 0.70 = 62 650.00; left 90 000 − 62 650 = 27 350.00;
                        // critical illness (27 350 − 15 000) × 0.60 = 7 410.00; no assistance (no category);
                        // out-of-pocket 100 000 − 62 650 − 7 410 = 29 940.00 ≥ 26 000.00: WARNING
                        + k + "6a," + p6 + ",341702,2025-03-01,三级,60000,50000,,,,\n"
                        + k + "6b," + p6 + ",341702,2025-03-20,三级,40000,40000,,,,\n");

        String body = mvc.perform(post("/api/monitoring/scans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"341702\",\"coverageYear\":2025,\"asOf\":\"2025-06-30\"}")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.scanned").value(6))
                .andExpect(jsonPath("$.candidates").value(5))
                .andExpect(jsonPath("$.warnings").value(4))
                .andExpect(jsonPath("$.startedBy").value("camunda-admin-user"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode scan = json.readTree(body);
        Map<String, JsonNode> warned = new HashMap<>();
        scan.get("warningList").forEach(w -> warned.put(w.get("idNumber").asText(), w));
        assertThat(warned.keySet()).containsExactlyInAnyOrder(p1, p3, p5, p6);
        assertWarning(warned.get(p1), "LOW_INCOME", "10500.00", "10000.00", false);
        assertWarning(warned.get(p3), "FORMERLY_POOR", "10572.00", "10572.00", false);
        assertWarning(warned.get(p5), "OTHER", "26000.01", "26000.00", false);
        assertWarning(warned.get(p6), "OTHER", "29940.00", "26000.00", true);
        assertThat(warned.get(p6).get("basicPaid").decimalValue()).isEqualByComparingTo("62650.00");
        assertThat(warned.get(p6).get("criticalIllnessPaid").decimalValue()).isEqualByComparingTo("7410.00");

        mvc.perform(get("/api/monitoring/scans/" + scan.get("id").asLong()).with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings").value(4))
                .andExpect(jsonPath("$.warningList.length()").value(4));
        // a Dongzhi caseworker does not see 贵池区's scan
        mvc.perform(get("/api/monitoring/scans/" + scan.get("id").asLong()).with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isNotFound());
    }

    static void assertWarning(JsonNode w, String group, String outOfPocket, String line, boolean computed) {
        assertThat(w.get("populationGroup").asText()).isEqualTo(group);
        assertThat(w.get("outOfPocket").decimalValue()).isEqualByComparingTo(outOfPocket);
        assertThat(w.get("warningLine").decimalValue()).isEqualByComparingTo(line);
        assertThat(w.get("layersComputed").asBoolean()).isEqualTo(computed);
    }

    @Test
    void aScanRequestNamesTheFieldItLacks() throws Exception {
        mvc.perform(post("/api/monitoring/scans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"341721\",\"coverageYear\":2025,\"asOf\":\"2024-06-30\"}")
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("asOf"));
        mvc.perform(post("/api/monitoring/scans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"coverageYear\":2025,\"asOf\":\"2025-06-30\"}")
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("regionCode"));
    }
}
