package com.yibaoflow.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.yibaoflow.YibaoFlowApplication;
import com.yibaoflow.shared.db.EmbeddedPostgresServer;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue #15 §3: the event publication registry keeps an event until its listener has succeeded. The audit listener
 * fails on the first delivery; the event stays owed in {@code event_publication}; a restarted application (a second
 * context on the same database) delivers it again at start, and the case history holds it exactly once, however often
 * it is delivered.
 */
@IntegrationTest
class CaseHistoryRedeliveryTests {

    /** A case fact whose summary cannot be read while {@link #FAILURES_LEFT} is positive: the listener throws. */
    record ProbeEvent(UUID eventId, Instant occurredAt, String businessKey) implements CaseEvent {
        static final AtomicInteger FAILURES_LEFT = new AtomicInteger();

        @Override
        public String ruleId() {
            return null;
        }

        @Override
        public String kind() {
            return "PROBE";
        }

        @Override
        public String summary() {
            if (FAILURES_LEFT.getAndDecrement() > 0) {
                throw new IllegalStateException("audit listener fails on purpose (first delivery)");
            }
            return "重投测试事件";
        }

        @Override
        public String actor() {
            return "system";
        }
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseHistory history;

    @Autowired
    EmbeddedPostgresServer server;

    private ConfigurableApplicationContext restarted;

    @AfterEach
    void closeRestartedContext() {
        ProbeEvent.FAILURES_LEFT.set(0);
        if (restarted != null) {
            restarted.close();
            // the restarted context's engine, also named "default", took the shared engine's place in Camunda's
            // registry and removed it on closing; static test helpers (MajorMatterRequests) look it up there
            ProcessEngines.registerProcessEngine(engine);
        }
    }

    @Test
    void aListenerThatFailedGetsTheEventAgainAfterARestartAndRecordsItOnce() {
        String key = "PROBE-" + UUID.randomUUID();
        ProbeEvent event = new ProbeEvent(CaseEvent.newId(), Instant.now(), key);
        ProbeEvent.FAILURES_LEFT.set(1);
        transactions.executeWithoutResult(tx -> events.publishEvent(event));

        // the first delivery failed: nothing recorded, the publication still owed
        await().atMost(Duration.ofSeconds(20)).until(() -> ProbeEvent.FAILURES_LEFT.get() <= 0);
        await().atMost(Duration.ofSeconds(20)).until(() -> owed(event) == 1);
        assertThat(history.of(key)).isEmpty();

        // a restart delivers it again, at start
        restarted = new SpringApplicationBuilder(YibaoFlowApplication.class)
                .profiles("test")
                .properties(
                        "server.port=0",
                        "spring.datasource.url=" + server.jdbcUrl(),
                        "spring.datasource.username=postgres",
                        "spring.datasource.password=postgres",
                        "spring.jmx.enabled=false")
                .run();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(history.of(key)).hasSize(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> owed(event) == 0);

        // delivered once more (as after a crash between the insert and the completion): still one entry
        restarted.getBean(TransactionTemplate.class).executeWithoutResult(tx -> restarted.publishEvent(event));
        await().atMost(Duration.ofSeconds(20)).until(() -> owed(event) == 0);
        assertThat(history.of(key)).singleElement().satisfies(entry -> {
            assertThat(entry.event()).isEqualTo("PROBE");
            assertThat(entry.detail()).isEqualTo("重投测试事件");
        });
    }

    private long owed(ProbeEvent event) {
        return jdbc.queryForObject(
                "select count(*) from yibao.event_publication where completion_date is null "
                        + "and serialized_event like ?",
                Long.class,
                "%" + event.eventId() + "%");
    }
}
