package com.yibaoflow.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.YibaoFlowApplication;
import com.yibaoflow.shared.db.EmbeddedPostgresServer;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.testsupport.IntegrationTest;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An application closed while the audit listener still has thousands of case events to record (the claims benchmark
 * closed it right after a scan that referred 23 620 people) shuts down in order: deliveries that have not started are
 * left owed in the event publication registry for the next start, the running ones finish, and none runs against the
 * closed JPA EntityManagerFactory (which logged {@code EntityManagerFactory is closed} for every event left). A second
 * application on the test database, with a 1 s wait for the listeners' pool, so that the old behaviour (working
 * through the whole queue during the close) outlasts it.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ListenerShutdownTests {

    static final int EVENTS = 2000;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    EmbeddedPostgresServer server;

    @Test
    void closingWithQueuedCaseEventsLeavesThemOwedAndRunsNoneAgainstAClosedJpa(CapturedOutput output) {
        String key = "SHUTDOWN-" + CaseEvent.newId();
        ConfigurableApplicationContext second = new SpringApplicationBuilder(YibaoFlowApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + server.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "spring.jmx.enabled=false",
                        "spring.task.execution.shutdown.await-termination-period=1s")
                .run();
        try {
            second.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
                for (int i = 0; i < EVENTS; i++) {
                    second.publishEvent(
                            new CaseHistoryRedeliveryTests.ProbeEvent(CaseEvent.newId(), Instant.now(), key));
                }
            });
        } finally {
            second.close();
            // the second context's engine, also named "default", took the shared engine's place in Camunda's registry
            ProcessEngines.registerProcessEngine(engine);
        }

        try {
            assertOrderlyClose(output, key);
        } finally {
            // the shared test context does not restart: what stayed owed would only hold up other tests' waits
            jdbc.update("delete from yibao.event_publication where serialized_event like ?", "%" + key + "%");
        }
    }

    void assertOrderlyClose(CapturedOutput output, String key) {
        long recorded =
                jdbc.queryForObject("select count(*) from yibao.case_history where business_key = ?", Long.class, key);
        long owed = jdbc.queryForObject(
                "select count(*) from yibao.event_publication where completion_date is null and serialized_event like ?",
                Long.class,
                "%" + key + "%");
        assertThat(output).doesNotContain("EntityManagerFactory is closed");
        // every event either recorded or still owed (delivered at the next start), and the close did not wait for all
        assertThat(recorded + owed).isEqualTo(EVENTS);
        assertThat(owed).isPositive();
        assertThat(output).contains("left to the event publication registry for the next start");
    }
}
