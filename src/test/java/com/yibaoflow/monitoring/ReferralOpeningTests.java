package com.yibaoflow.monitoring;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.shared.time.ShiftableClock;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A scan refers its warned people without opening their cases itself (issue #19 §3, R-MON-02): it records the
 * warnings and the referral rows and returns; the cases' processes are started by the jobs of
 * {@code high-cost-referral-openings}, a batch of the durable queue per job. Region 青阳县 (341723) as in
 * {@link HighCostReferralTests}: every person here is OTHER (line 26 000.00) and warned at 30 000 − 3 000 = 27 000.00.
 * Each test first empties the queue of what earlier tests left, so the queue holds only its own scan's work.
 */
@IntegrationTest
class ReferralOpeningTests {

    static final String REGION = HighCostReferralTests.REGION;
    static final LocalDate AS_OF = HighCostReferralTests.AS_OF;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    PolicyService policies;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ShiftableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BurdenScans scans;

    @Autowired
    ReferralOpenings openings;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void setUp() {
        TestPolicies.ensureActive(policies, REGION, 2025);
        clock.setToday(LocalDate.of(2025, 7, 1), LocalTime.of(9, 0));
        while (openings.openBatch(500) > 0) {
            // what earlier tests' scans queued and did not run
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    List<String> warnedPeople(int count) throws Exception {
        List<String> people = new ArrayList<>();
        StringBuilder csv = new StringBuilder(HighCostReferralTests.HEADER);
        for (int i = 0; i < count; i++) {
            String p = TestIds.adult();
            people.add(p);
            csv.append("Q-" + System.nanoTime() + "-" + i + "," + p + "," + REGION
                    + ",2025-03-01,三级,30000,30000,3000,0,0,\n");
        }
        mvc.perform(multipart("/api/claims/imports")
                        .file(new MockMultipartFile(
                                "file", "claims.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rejected").value(0));
        return people;
    }

    long instancesOf(String idNumber) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ReferralProcess.KEY)
                .processInstanceBusinessKey(ReferralProcess.businessKey(REGION, 2025, idNumber))
                .count();
    }

    /** The person's one referral row and whether its process is started. */
    String processOf(String idNumber) {
        return jdbc.queryForObject(
                "select process_instance_id from yibao.high_cost_referral where id_number = ?", String.class, idNumber);
    }

    int queued() {
        return jdbc.queryForObject("select count(*) from yibao.high_cost_referral_pending", Integer.class);
    }

    JsonNode scanResult(long id) throws Exception {
        return json.readTree(mvc.perform(get("/api/monitoring/scans/" + id).with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    void runOpeningJobs() {
        HighCostReferralTests.openQueued(runtime, driver);
    }

    @Test
    void R_MON_02_theScanReturnsWithItsReferralsQueuedAndTheWorkerOpensEachOnce() throws Exception {
        List<String> people = warnedPeople(5);

        JsonNode scan = json.readTree(mvc.perform(post("/api/monitoring/scans")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + REGION + "\",\"coverageYear\":2025,\"asOf\":\"" + AS_OF + "\"}")
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
        long id = scan.get("id").asLong();
        int opened = scan.get("referralsOpened").asInt();
        assertThat(opened).isGreaterThanOrEqualTo(5);
        // the scan committed the referral rows (the unique index holds them) but started no process
        assertThat(scan.get("referralsPending").asInt()).isEqualTo(opened);
        assertThat(scan.get("referralProcessesStarted").asInt()).isZero();
        for (String p : people) {
            assertThat(processOf(p)).isNull();
            assertThat(instancesOf(p)).isZero();
        }

        // one batch of two: two cases open, the rest stays queued
        assertThat(openings.openBatch(2)).isEqualTo(2);
        JsonNode progress = scanResult(id);
        assertThat(progress.get("referralsPending").asInt()).isEqualTo(opened - 2);
        assertThat(progress.get("referralProcessesStarted").asInt()).isEqualTo(2);

        // the job the scan left opens the rest
        runOpeningJobs();
        progress = scanResult(id);
        assertThat(progress.get("referralsPending").asInt()).isZero();
        assertThat(progress.get("referralProcessesStarted").asInt()).isEqualTo(opened);
        for (String p : people) {
            assertThat(instancesOf(p)).isEqualTo(1);
            assertThat(processOf(p))
                    .isEqualTo(runtime.createProcessInstanceQuery()
                            .processInstanceBusinessKey(ReferralProcess.businessKey(REGION, 2025, p))
                            .singleResult()
                            .getId());
        }

        // a re-run finds nothing to do; a stale OPEN for an opened case starts nothing; a second scan opens nothing
        assertThat(openings.openBatch(100)).isZero();
        jdbc.update("""
                insert into yibao.high_cost_referral_pending (referral_id, scan_id, kind, actor, queued_at)
                select id, first_scan_id, 'OPEN', 'test', now() from yibao.high_cost_referral where id_number = ?""", people.get(0));
        assertThat(openings.openBatch(100)).isEqualTo(1);
        BurdenScans.Scan again = scans.scan(REGION, 2025, AS_OF, "test");
        assertThat(again.referralsOpened()).isZero();
        runOpeningJobs();
        for (String p : people) {
            assertThat(instancesOf(p)).isEqualTo(1);
        }
        assertThat(queued()).isZero();
    }

    @Test
    void aWorkerThatDiesMidBatchLeavesItsBatchQueuedAndTheRestOpensOnceLater() throws Exception {
        List<String> people = warnedPeople(3);
        scans.scan(REGION, 2025, AS_OF, "test");
        assertThat(queued()).isGreaterThanOrEqualTo(3);
        int before = queued();

        // the node dies after starting two cases, before its batch commits
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    assertThat(openings.openBatch(2)).isEqualTo(2);
                    throw new IllegalStateException("node killed");
                }))
                .hasMessage("node killed");
        assertThat(queued()).isEqualTo(before);
        for (String p : people) {
            assertThat(instancesOf(p)).isZero();
            assertThat(processOf(p)).isNull();
        }

        // the job is run again (its retry, or the next scan's worker): every case opens, none twice
        runOpeningJobs();
        assertThat(queued()).isZero();
        for (String p : people) {
            assertThat(instancesOf(p)).isEqualTo(1);
            assertThat(processOf(p)).isNotNull();
        }
    }

    @Test
    void twoWorkersAtOnceTakeDifferentBatches() throws Exception {
        List<String> people = warnedPeople(6);
        scans.scan(REGION, 2025, AS_OF, "test");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int done = 0;
                    for (int n = openings.openBatch(2); n > 0; n = openings.openBatch(2)) {
                        done += n;
                    }
                    return done;
                }));
            }
            start.countDown();
            int done = runs.get(0).get() + runs.get(1).get();
            assertThat(done).isGreaterThanOrEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
        assertThat(queued()).isZero();
        for (String p : people) {
            assertThat(instancesOf(p)).isEqualTo(1);
        }
        runOpeningJobs(); // the scan's own job then finds the queue empty
        for (String p : people) {
            assertThat(instancesOf(p)).isEqualTo(1);
        }
    }
}
