package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.process.CandidateGroups;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A level acts on a request from the API (R-MM-02): a review's decision and opinion, a consultation's opinion, the
 * revised text after a return, or a national filing's reference and date (R-MM-01). The engine's listeners
 * ({@link MajorMatterSteps}, {@link MajorMatterRecords}) check and record what the task's completion brings.
 */
@Service
class MajorMatterTaskActions {

    /**
     * What a user submits on a task: the decision and opinion, (on a returned request) the revised text, or (on a
     * national filing, R-MM-01) the agency's reference and the date it was filed on.
     */
    record Action(
            String decision,
            String opinion,
            String situation,
            String proposal,
            String filingReference,
            LocalDate filingDate) {}

    private final MajorMatterLookups lookups;
    private final MajorMatterAccess access;
    private final RegionScope regions;
    private final TaskService tasks;

    MajorMatterTaskActions(
            MajorMatterLookups lookups, MajorMatterAccess access, RegionScope regions, TaskService tasks) {
        this.lookups = lookups;
        this.access = access;
        this.regions = regions;
        this.tasks = tasks;
    }

    /**
     * A user acts on one open task of the request (R-MM-02): only the task's department in its level's region
     * (403 otherwise), and only a task that is open (409). The task is assigned to the user and completed; the
     * process's own checks (decision, opinion, R-MM-05) answer as 400 or 422.
     */
    @Transactional
    void act(long id, String taskKey, Action action, StaffPrincipal user) {
        MajorMatter m = lookups.locked(id);
        Task task = tasks.createTaskQuery()
                .processInstanceId(m.processInstanceId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null && !regions.canSee(user, m.regionCode())) {
            throw DomainException.forbidden(user.userId() + " does not act on requests of region " + m.regionCode());
        }
        if (task == null) {
            throw DomainException.conflict(
                    "Request " + id + " is " + m.state() + " and not waiting at " + taskKey,
                    Map.of("state", m.state().name()));
        }
        Set<String> candidates = CandidateGroups.of(tasks.getIdentityLinksForTask(task.getId()));
        access.requireMayAct(
                user.userId(), user.groupIds(), user.regionCode(), taskKey, task.getName(), candidates, m.regionCode());
        if (task.getAssignee() != null && !task.getAssignee().equals(user.userId())) {
            throw DomainException.conflict(
                    task.getName() + " is claimed by " + task.getAssignee(), Map.of("assignee", task.getAssignee()));
        }
        try {
            if (task.getAssignee() == null) {
                tasks.setAssignee(task.getId(), user.userId());
            }
            tasks.complete(task.getId(), variables(taskKey, action));
        } catch (ProcessEngineException e) {
            throw domainCause(e);
        }
    }

    /** The variables the task's completion carries: only those its step reads. */
    private static Map<String, Object> variables(String taskKey, Action action) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, action.decision());
        variables.put(OPINION, action.opinion());
        if (TASK_REVISE.equals(taskKey)) {
            if (action.situation() != null) {
                variables.put(SITUATION, action.situation());
            }
            if (action.proposal() != null) {
                variables.put(PROPOSAL, action.proposal());
            }
        }
        if (FILING_TASKS.contains(taskKey)) {
            // checked on completion by MajorMatterSteps, which names the field of a missing or wrong value
            variables.put(FILING_REFERENCE, action.filingReference());
            variables.put(
                    FILING_DATE,
                    action.filingDate() == null ? null : action.filingDate().toString());
        }
        return variables;
    }

    /** A step's check fails inside the engine: the domain problem it raised, not the engine's wrapper. */
    private static RuntimeException domainCause(ProcessEngineException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        return e;
    }
}
