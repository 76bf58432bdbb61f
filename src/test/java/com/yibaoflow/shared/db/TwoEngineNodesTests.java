package com.yibaoflow.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.YibaoFlowApplication;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #16 §6: two application nodes (each its own Spring context, process engine, job executor and web port) on
 * one PostgreSQL database, Camunda's homogeneous cluster. 5 000 cases of an async continuation followed by a timer
 * (10 000 jobs) run through both: every job's side effect is committed exactly once, both nodes take part, and no
 * incident is left; the hourly payment-deadline sweep, one timer job in the shared tables, runs once an hour and
 * not once per node.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class TwoEngineNodesTests {

    static final int CASES = 5_000;
    static final String DATABASE = "two_nodes";

    static String url;
    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;
    /** The shared test context's engine, if one runs: the nodes' engines, also "default", replace it in the registry. */
    static ProcessEngine shared;

    @BeforeAll
    static void twoNodesOnOneDatabase() throws Exception {
        // a database of its own on the tests' throw-away server: the other tests' contexts must not see these jobs
        String server = EmbeddedPostgresServer.start("").jdbcUrl();
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE);
            s.execute("create database " + DATABASE);
        }
        url = server.replace("/postgres?", "/" + DATABASE + "?");
        shared = ProcessEngines.getDefaultProcessEngine(false);
        nodeA = node("A"); // the first node migrates the schema; the second finds it up to date
        nodeB = node("B");
    }

    @AfterAll
    static void stopNodes() {
        ClockUtil.reset();
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        if (shared != null) {
            ProcessEngines.registerProcessEngine(shared); // for static test helpers (MajorMatterRequests)
        }
    }

    static ConfigurableApplicationContext node(String name) {
        return new SpringApplicationBuilder(YibaoFlowApplication.class, Node.class)
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.hikari.maximum-pool-size=12",
                        "--server.port=0",
                        "--yibaoflow.node=" + name,
                        "--yibaoflow.imports.directory=",
                        "--yibaoflow.admin.user-id=node-admin",
                        "--yibaoflow.admin.password=node-secret",
                        "--camunda.bpm.process-engine-name=node" + name,
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.core-pool-size=3",
                        "--camunda.bpm.job-execution.max-pool-size=3",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--spring.jmx.enabled=false",
                        "--logging.level.root=WARN");
    }

    /** Each node's delegate: records which node ran which step of which case, in the job's own transaction. */
    @Configuration(proxyBeanMethods = false)
    static class Node {

        @Bean
        JavaDelegate countedStep(JdbcTemplate jdbc, @Value("${yibaoflow.node}") String node) {
            return execution -> jdbc.update(
                    "insert into public.two_node_effect (process_instance_id, step, node) values (?, ?, ?)",
                    execution.getProcessInstanceId(),
                    execution.getCurrentActivityId(),
                    node);
        }
    }

    @Test
    void everyJobRunsOnceAcrossBothNodesAndTheHourlySweepOncePerHour() throws Exception {
        JdbcTemplate jdbc = nodeA.getBean(JdbcTemplate.class);
        // a unique key: a job that ran and committed twice would fail here and leave an incident
        jdbc.execute("create table public.two_node_effect (process_instance_id varchar(64) not null, "
                + "step varchar(64) not null, node varchar(8) not null, primary key (process_instance_id, step))");
        BpmnModelInstance model = Bpmn.createExecutableProcess("two-nodes")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .serviceTask("Task_AfterAsync")
                .camundaAsyncBefore()
                .camundaDelegateExpression("${countedStep}")
                .intermediateCatchEvent("Timer_Now")
                .timerWithDuration("PT0S")
                .serviceTask("Task_AfterTimer")
                .camundaDelegateExpression("${countedStep}")
                .endEvent()
                .done();
        nodeA.getBean(RepositoryService.class)
                .createDeployment()
                .addModelInstance("two-nodes.bpmn", model)
                .deploy();

        RuntimeService runtime = nodeA.getBean(RuntimeService.class);
        for (int i = 0; i < CASES; i++) {
            runtime.startProcessInstanceByKey("two-nodes", "TWO-" + i);
        }

        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (jdbc.queryForObject("select count(*) from public.two_node_effect", Long.class) < 2L * CASES) {
            assertThat(System.nanoTime())
                    .as("all 10 000 jobs run within 4 minutes")
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
        Thread.sleep(2000); // a job run twice would show up as a failed insert (an incident) by now
        assertThat(jdbc.queryForObject("select count(*) from public.two_node_effect", Long.class))
                .isEqualTo(2L * CASES);
        List<Map<String, Object>> perNode =
                jdbc.queryForList("select node, count(*) as jobs from public.two_node_effect group by node");
        assertThat(perNode).as("both nodes took jobs: %s", perNode).hasSize(2);
        ManagementService management = nodeA.getBean(ManagementService.class);
        assertThat(nodeA.getBean(RuntimeService.class).createIncidentQuery().count())
                .isZero();
        assertThat(management.createJobQuery().processDefinitionKey("two-nodes").count())
                .isZero();
        assertThat(nodeA.getBean(HistoryService.class)
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey("two-nodes")
                        .finished()
                        .count())
                .isEqualTo(CASES);

        // the sweep: one timer job for both nodes; three hours pass, it runs three times
        HistoryService history = nodeB.getBean(HistoryService.class);
        List<Date> runs = new ArrayList<>();
        for (int hour = 1; hour <= 3; hour++) {
            Date due = management
                    .createJobQuery()
                    .processDefinitionKey("payment-deadline-sweep")
                    .timers()
                    .singleResult()
                    .getDuedate();
            ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
            long expected = hour;
            long sweepDeadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (history.createHistoricProcessInstanceQuery()
                            .processDefinitionKey("payment-deadline-sweep")
                            .count()
                    < expected) {
                assertThat(System.nanoTime())
                        .as("the sweep of hour %d ran", hour)
                        .isLessThan(sweepDeadline);
                Thread.sleep(200);
            }
            runs.add(due);
        }
        Thread.sleep(3000); // time for a second node to run a sweep twice, if it could
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey("payment-deadline-sweep")
                        .count())
                .as("one sweep per hour (%s), not one per node", runs)
                .isEqualTo(3);
        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey("payment-deadline-sweep")
                        .timers()
                        .count())
                .as("and one timer waiting for the next hour")
                .isOne();
    }
}
