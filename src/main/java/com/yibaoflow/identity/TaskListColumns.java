package com.yibaoflow.identity;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * The columns of the department filters (issue #21 §3) as variables of the task itself. A caseworker's group may read
 * the tasks it is a candidate for (Camunda grants READ on the task with the candidate link) but not the whole process
 * instance, so Tasklist could not show a process variable such as the resident's name in the list. Every user task
 * therefore gets, when it is created, task-local copies under names of their own ({@link #RESIDENT},
 * {@link #TOWNSHIP}, {@link #DUE}): no form writes them, so they never shadow a process variable a form changes. They
 * are a display snapshot taken when the task is created.
 */
@Component
class TaskListColumns extends AbstractProcessEnginePlugin {

    static final String RESIDENT = "listResident";
    static final String TOWNSHIP = "listTownship";
    static final String DUE = "listDueDate";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior task) {
                    task.getTaskDefinition()
                            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, TaskListColumns::copy);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    /** Enrollment calls the resident {@code name}, hardship verification and referrals {@code personName}. */
    static void copy(DelegateTask task) {
        Object resident = task.getVariable("personName");
        if (resident == null) {
            resident = task.getVariable("name");
        }
        if (resident != null) {
            task.setVariableLocal(RESIDENT, resident.toString());
        }
        Object township = task.getVariable("township");
        if (township != null) {
            task.setVariableLocal(TOWNSHIP, township.toString());
        }
        if (task.getDueDate() != null) {
            task.setVariableLocal(DUE, DAY.format(task.getDueDate().toInstant().atZone(SHANGHAI)));
        }
    }
}
