package com.yibaoflow.escalation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps the request rows in step with {@code major-matter-request} without a listener in every element of the model
 * (whose timers and ending another change owns): when the model is deployed, each of its user tasks gets a
 * {@code create} listener (the request waits there from now on) and an {@code assignment} listener (R-MM-02: only the
 * level's department and region), and each end event a {@code start} listener (how the request ended). The step a
 * user completes is recorded by the model's own {@code recordMajorMatterStep} listener. All of them call
 * {@link MajorMatterRecords}. Built-in listeners, so they run even where custom listeners are skipped.
 */
@Component
class MajorMatterListeners extends AbstractProcessEnginePlugin {

    private final ObjectProvider<MajorMatterRecords> records;

    MajorMatterListeners(ObjectProvider<MajorMatterRecords> records) {
        this.records = records;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new Parse());
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static boolean ofMajorMatters(ActivityImpl activity) {
        return activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
                && MajorMatterProcess.KEY.equals(definition.getKey());
    }

    private final class Parse extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (ofMajorMatters(activity) && activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                task.getTaskDefinition()
                        .addBuiltInTaskListener(
                                TaskListener.EVENTNAME_CREATE,
                                t -> records.getObject().taskCreated(t));
                task.getTaskDefinition()
                        .addBuiltInTaskListener(
                                TaskListener.EVENTNAME_ASSIGNMENT,
                                t -> records.getObject().taskAssigned(t));
            }
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (ofMajorMatters(activity)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener)
                        e -> records.getObject().ended(e));
            }
        }
    }
}
