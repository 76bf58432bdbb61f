package com.yibaoflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The job table stays cheap to acquire from while it fills with timers (issue #4, docs/benchmarks.md). */
@IntegrationTest
class JobAcquisitionTuningTests {

    private static final String KEY = "job-acquisition-tuning-test";

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    private Deployment deployment;

    @BeforeEach
    void deployAsyncProcess() {
        deployment = repository
                .createDeployment()
                .addModelInstance(
                        KEY + ".bpmn",
                        Bpmn.createExecutableProcess(KEY)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .camundaAsyncAfter()
                                .endEvent()
                                .done())
                .deploy();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theEngineTableHasTheDueDateAndLockIndexes() {
        List<String> indexes =
                jdbc.queryForList("select indexname from pg_indexes where tablename = 'act_ru_job'", String.class);
        assertThat(indexes).contains(JobAcquisitionTuning.DUE_DATE_INDEX, JobAcquisitionTuning.LOCKED_INDEX);
        assertThat(jdbc.queryForObject(
                        "select indexdef from pg_indexes where indexname = ?",
                        String.class,
                        JobAcquisitionTuning.LOCKED_INDEX))
                .containsIgnoringCase("where (lock_owner_ is not null)");
    }

    @Test
    void anAsyncContinuationIsWrittenWithADueDateSoTheIndexFindsIt() {
        String pid = runtime.startProcessInstanceByKey(KEY).getId();

        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        assertThat(job.getDuedate()).isNotNull();
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pid)
                        .executable()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aJobWrittenWithoutADueDateGetsOneAtStartUpAndIsExecutableAgain() {
        String pid = runtime.startProcessInstanceByKey(KEY).getId();
        Job job = management.createJobQuery().processInstanceId(pid).singleResult();
        management.setJobDuedate(job.getId(), null); // as written before ensureJobDueDateNotNull

        assertThat(JobAcquisitionTuning.giveDueDatesToUndatedJobs(management)).isGreaterThanOrEqualTo(1);

        Job again = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(again.getDuedate()).isNotNull();
        management.executeJob(again.getId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pid).count())
                .isZero();
    }
}
