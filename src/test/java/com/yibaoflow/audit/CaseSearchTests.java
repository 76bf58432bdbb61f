package com.yibaoflow.audit;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #20 §3: {@code GET /api/cases} finds cases of every type from Camunda's history: an enrollment waiting for the
 * hardship verification it called, and that verification waiting in the disabled persons' federation's task, with how
 * long it has waited and whether it is overdue.
 */
@IntegrationTest
@InCollectionPeriod
class CaseSearchTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ShiftableClock clock;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    /** An enrollment claiming severe disability, waiting for the federation's verification: the person's ID. */
    String waitingForVerification() throws Exception {
        String person = TestIds.adult();
        mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"陈七","residence":"LOCAL_HUKOU",
                 "township":"尧渡镇","phone":"13900000000","claimedCategories":["SEVERE_DISABILITY"]}""".formatted(person)))
                .andExpect(status().isCreated());
        driver.runJobs(runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("ENR-341721-2025-" + person)
                .singleResult()
                .getId());
        return person;
    }

    JsonNode search(MockHttpServletRequestBuilder request) throws Exception {
        return json.readTree(mvc.perform(request.with(as(Department.AUDITORS)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void casesOfEveryTypeAreFoundWithWhereTheyWaitTheGroupAndHowLong() throws Exception {
        String person = waitingForVerification();
        clock.advance(Duration.ofHours(2));

        JsonNode both = search(get("/api/cases").param("q", person).param("sort", "STARTED_ASC"));
        assertThat(both.get("total").asLong()).isEqualTo(2);
        JsonNode enrollment = both.get("items").get(0);
        assertThat(enrollment.get("type").asText()).isEqualTo("enrollment");
        assertThat(enrollment.get("businessKey").asText()).isEqualTo("ENR-341721-2025-" + person);
        assertThat(enrollment.get("waitingAt").get(0).get("element").asText()).isEqualTo("CallActivity_VerifyHardship");
        JsonNode verification = both.get("items").get(1);
        assertThat(verification.get("type").asText()).isEqualTo("hardship-verification");
        assertThat(verification.get("calledBy").asText())
                .isEqualTo(enrollment.get("processInstanceId").asText());
        JsonNode task = verification.get("waitingAt").get(0);
        assertThat(task.get("element").asText()).isEqualTo("Task_VerifyClaim");
        assertThat(task.get("name").asText()).isEqualTo("核实陈七的一、二级重度残疾人身份");
        assertThat(task.get("groups").get(0).asText()).isEqualTo("disabled-federation");
        assertThat(Duration.parse(task.get("waited").asText())).isGreaterThanOrEqualTo(Duration.ofHours(2));
        assertThat(task.get("overdue").asBoolean()).isFalse();

        assertThat(search(get("/api/cases").param("q", person).param("type", "enrollment"))
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        JsonNode byDepartment = search(get("/api/cases").param("q", person).param("department", "disabled-federation"));
        assertThat(byDepartment.get("items"))
                .singleElement()
                .satisfies(c -> assertThat(c.get("type").asText()).isEqualTo("hardship-verification"));
        assertThat(search(get("/api/cases").param("q", person).param("department", "civil-affairs"))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(search(get("/api/cases").param("regionCode", "341721").param("q", person))
                        .get("total")
                        .asLong())
                .isEqualTo(2);
        assertThat(search(get("/api/cases").param("regionCode", "341722").param("q", person))
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(search(get("/api/cases").param("q", person).param("state", "ENDED"))
                        .get("total")
                        .asLong())
                .isZero();
        JsonNode firstPage = search(get("/api/cases").param("q", person).param("size", "1"));
        assertThat(firstPage.get("items")).hasSize(1);
        assertThat(firstPage.get("total").asLong()).isEqualTo(2);

        // overdue: nothing yet; a year later the federation's task is past its due date
        assertThat(search(get("/api/cases").param("q", person).param("overdue", "true"))
                        .get("total")
                        .asLong())
                .isZero();
        clock.advance(Duration.ofDays(365));
        JsonNode overdue = search(get("/api/cases").param("q", person).param("overdue", "true"));
        assertThat(overdue.get("items")).singleElement().satisfies(c -> {
            assertThat(c.get("type").asText()).isEqualTo("hardship-verification");
            assertThat(c.get("waitingAt").get(0).get("overdue").asBoolean()).isTrue();
        });
    }

    @Test
    void onlyAuditorsAndSupervisorsSearchAndBadParametersAreNamed() throws Exception {
        mvc.perform(get("/api/cases").with(as(Department.MEDICAL_SECURITY))).andExpect(status().isForbidden());
        mvc.perform(get("/api/cases").with(as(Department.MEDICAL_SECURITY_SUPERVISORS)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/cases").param("size", "500").with(as(Department.AUDITORS)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/cases").param("state", "SLEEPING").with(as(Department.AUDITORS)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/cases").param("regionCode", "34").with(as(Department.AUDITORS)))
                .andExpect(status().isBadRequest());
    }

    /**
     * The search's statements are planned with their values (docs/benchmarks.md: a generic plan took the trigram index
     * for a region matching every case): Camunda's statements in the search's transaction see the setting, and it
     * ends with the transaction instead of staying on the pooled connection.
     */
    @Test
    void camundasStatementsInTheSearchTransactionArePlannedWithTheirValues() throws Exception {
        waitingForVerification();
        String sql = "select count(*) from ACT_HI_PROCINST where current_setting('plan_cache_mode') = #{mode}";
        long inside = new TransactionTemplate(transactions).execute(status -> {
            CaseSearchSql.planWithValues(jdbc);
            return history.createNativeHistoricProcessInstanceQuery()
                    .sql(sql)
                    .parameter("mode", "force_custom_plan")
                    .count();
        });
        assertThat(inside).isPositive();
        assertThat(history.createNativeHistoricProcessInstanceQuery()
                        .sql(sql)
                        .parameter("mode", "auto")
                        .count())
                .isPositive();
    }
}
