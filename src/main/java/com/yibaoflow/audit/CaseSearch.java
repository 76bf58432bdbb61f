package com.yibaoflow.audit;

import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;

/**
 * Case search for supervisors and auditors (issue #20 §3), over Camunda's history, so it covers every case type (every
 * process definition) without knowing one: where each case waits, the task's group and how long it has waited.
 */
@Service
class CaseSearch {

    public static final int MAX_SIZE = 200;

    /** The filters; each {@code null} means "any". */
    public record Criteria(
            String type,
            String regionCode,
            String state,
            String department,
            Boolean overdue,
            Instant from,
            Instant to,
            String q) {}

    /** Where a case waits now: an activity not yet left, with its user task's group and due date if it is one. */
    public record Waiting(
            String element,
            String name,
            String activityType,
            Instant since,
            Duration waited,
            String taskId,
            String assignee,
            List<String> groups,
            Instant due,
            boolean overdue) {}

    public record CaseSummary(
            String businessKey,
            String type,
            String processName,
            String processInstanceId,
            String calledBy,
            String state,
            Instant startedAt,
            Instant endedAt,
            List<Waiting> waitingAt) {}

    public record Page(List<CaseSummary> items, long total, int page, int size) {}

    public enum Sort {
        STARTED_DESC,
        STARTED_ASC,
        BUSINESS_KEY
    }

    private final HistoryService history;
    private final TaskService tasks;
    private final Clock clock;

    CaseSearch(HistoryService history, TaskService tasks, Clock clock) {
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
    }

    public Page search(Criteria c, Sort sort, int page, int size) {
        if (page < 0) {
            throw DomainException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalidField("size", "must be 1 … " + MAX_SIZE);
        }
        Instant now = clock.instant();
        HistoricProcessInstanceQuery query = history.createHistoricProcessInstanceQuery();
        if (c.type() != null) {
            query.processDefinitionKey(c.type());
        }
        String q = c.q() == null ? "" : c.q().trim().replaceAll("[%_\\\\]", "");
        if (c.regionCode() != null) {
            if (!c.regionCode().matches("\\d{6}")) {
                throw DomainException.invalidField("regionCode", "must be a six-digit region code");
            }
            // business keys carry the region: ENR-{region}-{year}-{id}, HV-ENR-{region}-…
            query.processInstanceBusinessKeyLike("%-" + c.regionCode() + "-%" + (q.isEmpty() ? "" : q + "%"));
        } else if (!q.isEmpty()) {
            query.processInstanceBusinessKeyLike("%" + q + "%");
        }
        if (c.state() != null) {
            switch (c.state()) {
                case "ACTIVE" -> query.active();
                case "SUSPENDED" -> query.suspended();
                case "COMPLETED" -> query.completed();
                case "EXTERNALLY_TERMINATED" -> query.externallyTerminated();
                case "INTERNALLY_TERMINATED" -> query.internallyTerminated();
                case "OPEN" -> query.unfinished();
                case "ENDED" -> query.finished();
                default ->
                    throw DomainException.invalidField(
                            "state",
                            "must be OPEN, ENDED, ACTIVE, SUSPENDED, COMPLETED, EXTERNALLY_TERMINATED or INTERNALLY_TERMINATED");
            }
        }
        if (c.from() != null) {
            query.startedAfter(Date.from(c.from()));
        }
        if (c.to() != null) {
            query.startedBefore(Date.from(c.to()));
        }
        if (c.department() != null || Boolean.TRUE.equals(c.overdue())) {
            TaskQuery open = tasks.createTaskQuery().active();
            if (c.department() != null) {
                open.taskCandidateGroup(c.department()).includeAssignedTasks();
            }
            if (Boolean.TRUE.equals(c.overdue())) {
                open.dueBefore(Date.from(now));
            }
            Set<String> ids = new HashSet<>();
            open.list().forEach(t -> ids.add(t.getProcessInstanceId()));
            if (ids.isEmpty()) {
                return new Page(List.of(), 0, page, size);
            }
            query.processInstanceIds(ids);
        }
        switch (sort) {
            case STARTED_ASC -> query.orderByProcessInstanceStartTime().asc();
            case BUSINESS_KEY -> query.orderByProcessInstanceBusinessKey().asc();
            default -> query.orderByProcessInstanceStartTime().desc();
        }
        long total = query.count();
        List<CaseSummary> items = new ArrayList<>();
        for (HistoricProcessInstance p : query.listPage(page * size, size)) {
            items.add(new CaseSummary(
                    p.getBusinessKey(),
                    p.getProcessDefinitionKey(),
                    p.getProcessDefinitionName(),
                    p.getId(),
                    p.getSuperProcessInstanceId(),
                    p.getState(),
                    p.getStartTime().toInstant(),
                    p.getEndTime() == null ? null : p.getEndTime().toInstant(),
                    p.getEndTime() == null ? waitingAt(p.getId(), now) : List.of()));
        }
        return new Page(items, total, page, size);
    }

    private List<Waiting> waitingAt(String processInstanceId, Instant now) {
        List<Waiting> waiting = new ArrayList<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .unfinished()
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list()) {
            String type = a.getActivityType();
            if ("subProcess".equals(type) || "multiInstanceBody".equals(type) || type.endsWith("SubProcess")) {
                continue; // containers: the steps inside say where the case waits
            }
            Instant since = a.getStartTime().toInstant();
            Task task = a.getTaskId() == null
                    ? null
                    : tasks.createTaskQuery().taskId(a.getTaskId()).singleResult();
            List<String> groups = task == null
                    ? List.of()
                    : tasks.getIdentityLinksForTask(task.getId()).stream()
                            .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                            .map(l -> l.getGroupId())
                            .toList();
            Instant due = task == null || task.getDueDate() == null
                    ? null
                    : task.getDueDate().toInstant();
            waiting.add(new Waiting(
                    a.getActivityId(),
                    // a task's own name: the model's may be an expression naming the resident (issue #21 §3)
                    task == null ? a.getActivityName() : task.getName(),
                    a.getActivityType(),
                    since,
                    Duration.between(since, now),
                    a.getTaskId(),
                    task == null ? null : task.getAssignee(),
                    groups,
                    due,
                    due != null && due.isBefore(now)));
        }
        return waiting;
    }
}
