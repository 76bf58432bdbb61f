package com.yibaoflow.audit;

import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.process.CandidateGroups;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final JdbcTemplate jdbc;

    CaseSearch(HistoryService history, TaskService tasks, Clock clock, JdbcTemplate jdbc) {
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** In one read-only transaction: Camunda's statements share its connection, so they are planned as it says. */
    @Transactional(readOnly = true)
    public Page search(Criteria c, Sort sort, int page, int size) {
        if (page < 0) {
            throw DomainException.invalidField("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalidField("size", "must be 1 … " + MAX_SIZE);
        }
        Instant now = clock.instant();
        CaseSearchSql sql = new CaseSearchSql(c, sort, now);
        CaseSearchSql.planWithValues(jdbc);
        long total = sql.count(history).count();
        List<CaseSummary> items = new ArrayList<>();
        for (HistoricProcessInstance p : sql.list(history).listPage(page * size, size)) {
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
                    : List.copyOf(CandidateGroups.of(tasks.getIdentityLinksForTask(task.getId())));
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
