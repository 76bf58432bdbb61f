package com.yibaoflow.shared.process;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * History level {@code full}, except that the pass-through gateways (exclusive, parallel, inclusive) leave no
 * activity-instance rows (issue #4, docs/benchmarks.md).
 * <p>
 * A gateway neither does work nor waits: which way a case went is what the tasks and events before and after it show
 * (and those keep their rows), and why is in the variables and the case's explanation, both kept in full. Yet a
 * gateway's row costs what a task's does, an insert into {@code ACT_HI_ACTINST} and its eleven indexes, and a
 * straight-through enrollment passes eight gateways against six other elements. Everything else the engine writes
 * at {@code full} (variable updates, user operation log, job log, identity links, incidents) is written unchanged;
 * the history level itself stays {@code full}, so the engine's own checks and the database's recorded level agree.
 * An event-based gateway waits for its events and keeps its rows.
 */
@Component
public class PassThroughGatewayHistory extends AbstractProcessEnginePlugin {

    static final Set<String> PASS_THROUGH = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new Filter(new DbHistoryEventHandler()));
    }

    static boolean written(HistoryEvent event) {
        return !(event instanceof HistoricActivityInstanceEventEntity activity
                && PASS_THROUGH.contains(activity.getActivityType()));
    }

    /** Hands every event but a pass-through gateway's to the engine's database handler. */
    static final class Filter implements HistoryEventHandler {

        private final HistoryEventHandler database;

        Filter(HistoryEventHandler database) {
            this.database = database;
        }

        @Override
        public void handleEvent(HistoryEvent event) {
            if (written(event)) {
                database.handleEvent(event);
            }
        }

        @Override
        public void handleEvents(List<HistoryEvent> events) {
            for (HistoryEvent event : events) {
                handleEvent(event);
            }
        }
    }
}
