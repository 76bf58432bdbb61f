package com.yibaoflow.shared.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the job executor's acquisition query cheap while the job table holds many jobs that are not due (issue #4,
 * benchmarks).
 * <p>
 * Until the payment deadline sweep, every case waiting for payment held two timer jobs (township reminder, end of the
 * collection period), so a 100 000-row roster left 200 000 rows in {@code ACT_RU_JOB}, due months later; review and
 * hardship task timers, and a roster's queued registrations, still fill it. Out of the box the acquisition
 * query, run many times a second, reads them all: its due-date condition is {@code DUEDATE_ is null or DUEDATE_ <=
 * now} and its "no other exclusive job of this process is locked" check filters on the lock columns, and neither
 * has an index. Measured on the 30 000-row roster (docs/benchmarks.md), an acquisition then cost 14 ms of sequential
 * scan on 22 000 jobs and grew with the table.
 * <ul>
 *   <li>{@code ensureJobDueDateNotNull}: new jobs get a due date (now, for async continuations), and the engine
 *       drops the {@code is null} branch from the query, so an index range scan on the due date sees only jobs that
 *       are due;</li>
 *   <li>two indexes of our own on the engine's table, created if missing once the engine has created or updated its
 *       schema: on {@code DUEDATE_}, and a partial index on {@code LOCK_EXP_TIME_} of locked jobs only, for the
 *       exclusive-job check. Camunda's upgrade scripts leave indexes they do not know alone;</li>
 *   <li>jobs written before the setting (a data directory from an older run) have no due date and would never be
 *       acquired again: they get one at start-up, through the public API.</li>
 * </ul>
 */
@Component
public class JobAcquisitionTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JobAcquisitionTuning.class);

    static final String DUE_DATE_INDEX = "yf_idx_job_duedate";
    static final String LOCKED_INDEX = "yf_idx_job_locked";

    private DataSource dataSource;
    private String tablePrefix = "";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        tablePrefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        createIndexes();
        int fixed = giveDueDatesToUndatedJobs(engine.getManagementService());
        if (fixed > 0) {
            log.info("Gave {} jobs without a due date one, so the job executor acquires them again", fixed);
        }
    }

    private void createIndexes() {
        String table = tablePrefix + "ACT_RU_JOB";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("create index if not exists " + DUE_DATE_INDEX + " on " + table + " (DUEDATE_)");
            s.execute("create index if not exists " + LOCKED_INDEX + " on " + table
                    + " (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null");
            if (!c.getAutoCommit()) {
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the job acquisition indexes on " + table, e);
        }
    }

    /**
     * Jobs from before {@code ensureJobDueDateNotNull} was on: due now, as the engine would have acquired them. Only
     * async continuations (message jobs) were written without one; a timer always has its due date.
     */
    static int giveDueDatesToUndatedJobs(ManagementService management) {
        List<Job> undated = management.createJobQuery().messages().list().stream()
                .filter(j -> j.getDuedate() == null)
                .toList();
        for (Job job : undated) {
            management.setJobDuedate(job.getId(), ClockUtil.getCurrentTime());
        }
        return undated.size();
    }
}
