package com.yibaoflow.testsupport;

import com.yibaoflow.shared.process.BackgroundWork;
import com.yibaoflow.shared.time.ShiftableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * Drives process instances in tests, where the job executor is off: runs the modules' queued {@link BackgroundWork}
 * (the correlation of accepted payments) and the due jobs of an instance and of the instances it called, until none
 * is left, and moves the shared clock (engine timers read the same clock).
 */
@Component
public class ProcessDriver {

    private final RuntimeService runtime;
    private final ManagementService management;
    private final ShiftableClock clock;
    private final List<BackgroundWork> background;

    ProcessDriver(
            RuntimeService runtime,
            ManagementService management,
            ShiftableClock clock,
            List<BackgroundWork> background) {
        this.background = background;
        this.runtime = runtime;
        this.management = management;
        this.clock = clock;
    }

    /** Runs the queued background work and every due job of the instance and its called instances until none is due. */
    public void runJobs(String processInstanceId) {
        for (int round = 0; round < 100; round++) {
            int worked = runBackgroundWork();
            List<Job> due = new ArrayList<>();
            for (String id : family(processInstanceId)) {
                due.addAll(management
                        .createJobQuery()
                        .processInstanceId(id)
                        .executable()
                        .list());
            }
            if (due.isEmpty() && worked == 0) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
        throw new IllegalStateException("Jobs of " + processInstanceId + " keep coming after 100 rounds");
    }

    /** Works off every module's queued background work, as the nodes' schedule would; returns how many items. */
    public int runBackgroundWork() {
        int worked = 0;
        for (BackgroundWork w : background) {
            for (int taken = w.runBatch(); taken > 0; taken = w.runBatch()) {
                worked += taken;
            }
        }
        return worked;
    }

    /** Moves the clock on and runs the jobs (timers) that became due. */
    public void advance(Duration duration, String processInstanceId) {
        clock.advance(duration);
        runJobs(processInstanceId);
    }

    /**
     * Fires the timer start event of a process now, whatever its due date, as the job executor would when it falls
     * due, and runs the jobs of the instance it started until none is due. Returns that instance's id.
     */
    public String fireTimerStart(String processDefinitionKey) {
        Job timer = management.createJobQuery().processDefinitionKey(processDefinitionKey).timers().list().stream()
                .filter(j -> j.getProcessInstanceId() == null)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No timer start job of " + processDefinitionKey));
        java.util.Set<String> before = new java.util.HashSet<>();
        runtime.createProcessInstanceQuery()
                .processDefinitionKey(processDefinitionKey)
                .list()
                .forEach(p -> before.add(p.getId()));
        management.executeJob(timer.getId());
        List<ProcessInstance> started =
                runtime.createProcessInstanceQuery().processDefinitionKey(processDefinitionKey).list().stream()
                        .filter(p -> !before.contains(p.getId()))
                        .toList();
        if (started.size() != 1) {
            throw new IllegalStateException(
                    started.size() + " running instances of " + processDefinitionKey + " after its timer start");
        }
        runJobs(started.get(0).getId());
        return started.get(0).getId();
    }

    /** The instance and, recursively, the instances it called that are still running. */
    public List<String> family(String processInstanceId) {
        List<String> ids = new ArrayList<>();
        ids.add(processInstanceId);
        for (int i = 0; i < ids.size(); i++) {
            for (ProcessInstance sub : runtime.createProcessInstanceQuery()
                    .superProcessInstanceId(ids.get(i))
                    .list()) {
                ids.add(sub.getId());
            }
        }
        return ids;
    }
}
