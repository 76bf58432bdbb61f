package com.yibaoflow.shared.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine keeps no logging context: a step's log events carry no process ids or business keys (which hold resident
 * ID numbers) in their MDC, and the engine does not maintain one at every step (docs/benchmarks.md).
 */
@IntegrationTest
class EngineLoggingContextTests {

    private static final String KEY = "engine-logging-context-test";
    static final AtomicReference<Map<String, String>> seen = new AtomicReference<>();

    /** Records the MDC a delegate sees. */
    public static class MdcProbe implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            seen.set(mdc == null ? Map.of() : mdc);
        }
    }

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Test
    void aStepRunsWithoutProcessDataInTheLoggingContext() {
        Deployment deployment = repository
                .createDeployment()
                .addModelInstance(
                        KEY + ".bpmn",
                        Bpmn.createExecutableProcess(KEY)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .serviceTask()
                                .camundaClass(MdcProbe.class)
                                .endEvent()
                                .done())
                .deploy();
        try {
            seen.set(null);
            runtime.startProcessInstanceByKey(KEY, "ENR-341721-2025-11010519491231002X");

            assertThat(seen.get()).isNotNull();
            assertThat(seen.get().keySet())
                    .doesNotContain(
                            "activityId",
                            "processInstanceId",
                            "processDefinitionId",
                            "businessKey",
                            "applicationName",
                            "tenantId",
                            "engineName");
            assertThat(seen.get().values()).noneMatch(v -> v.contains("11010519491231002X"));
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
