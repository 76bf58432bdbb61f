package com.yibaoflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Gateways that only pass a case on leave no activity rows; everything else is history as at {@code full}. */
@IntegrationTest
class PassThroughGatewayHistoryTests {

    private static final String KEY = "pass-through-gateway-history-test";

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    HistoryService history;

    @Autowired
    ProcessEngineConfiguration configuration;

    private Deployment deployment;

    @BeforeEach
    void deploy() {
        deployment = repository
                .createDeployment()
                .addModelInstance(
                        KEY + ".bpmn",
                        Bpmn.createExecutableProcess(KEY)
                                .camundaHistoryTimeToLive(1)
                                .startEvent("Start")
                                .exclusiveGateway("Gateway_Split")
                                .condition("yes", "${go}")
                                .userTask("Task_Work")
                                .name("办理")
                                .parallelGateway("Gateway_Fork")
                                .serviceTask("Task_Left")
                                .camundaExpression("${true}")
                                .parallelGateway("Gateway_Join")
                                .exclusiveGateway("Gateway_Merge")
                                .endEvent("End")
                                .moveToNode("Gateway_Fork")
                                .serviceTask("Task_Right")
                                .camundaExpression("${true}")
                                .connectTo("Gateway_Join")
                                .moveToNode("Gateway_Split")
                                .condition("no", "${!go}")
                                .connectTo("Gateway_Merge")
                                .done())
                .deploy();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void theHistoryLevelIsStillFull() {
        assertThat(configuration.getHistory()).isEqualTo(ProcessEngineConfiguration.HISTORY_FULL);
        assertThat(((ProcessEngineConfigurationImpl) configuration)
                        .getHistoryLevel()
                        .getId())
                .isEqualTo(ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL);
    }

    @Test
    void tasksAndEventsKeepTheirRowsGatewaysLeaveNone() {
        String pid = runtime.startProcessInstanceByKey(KEY, Map.of("go", true)).getId();
        tasks.complete(
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId(), Map.of("note", "已核实"));

        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(pid)
                        .list())
                .extracting(HistoricActivityInstance::getActivityId)
                .containsExactlyInAnyOrder("Start", "Task_Work", "Task_Left", "Task_Right", "End");
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(pid)
                        .unfinished()
                        .count())
                .isZero();
        assertThat(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(pid)
                        .finished()
                        .count())
                .isEqualTo(1);
        // full history otherwise: every variable update has its detail row, the task its row
        assertThat(history.createHistoricDetailQuery()
                        .processInstanceId(pid)
                        .variableUpdates()
                        .count())
                .isEqualTo(2);
        assertThat(history.createHistoricTaskInstanceQuery()
                        .processInstanceId(pid)
                        .finished()
                        .count())
                .isEqualTo(1);
    }
}
