package com.yibaoflow.audit;

import static com.yibaoflow.audit.TrailText.instant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * One chronological trail of a case, merged from Camunda's history (through the public {@link HistoryService}
 * only) and our domain events in {@link CaseHistory}. It is generic: every process instance with the business key,
 * every process it called (super/sub instances, to any depth) and every case whose domain events name one of those
 * business keys is included, so a new case type appears here without code of its own. This class draws each instance's
 * life (start, activities, end) and the domain events; {@link TaskTrailRows} the tasks and submitted values,
 * {@link EngineTrailRows} decisions, failed jobs and incidents.
 */
@Service
public class CaseTrail {

    /** Where a row comes from. */
    public enum Source {
        PROCESS,
        DOMAIN
    }

    /**
     * One row of the trail. {@code kind} is stable English (PROCESS_STARTED, ACTIVITY, TASK_CREATED, TASK_CLAIMED,
     * TASK_COMPLETED, FORM_VALUE, VARIABLE, DECISION, JOB_FAILED, INCIDENT, PROCESS_ENDED, or the domain event's
     * kind); {@code detail} is what the auditor reads.
     */
    public record Row(
            Instant at,
            Source source,
            String kind,
            String businessKey,
            String processDefinitionKey,
            String processInstanceId,
            String elementId,
            String name,
            String actor,
            String ruleId,
            String detail,
            Long durationMillis) {}

    /** The trail and the process instances it was drawn from (root first, then the called ones). */
    public record Trail(String businessKey, List<Instance> instances, List<Row> rows) {}

    public record Instance(
            String processInstanceId,
            String processDefinitionId,
            String processDefinitionKey,
            String businessKey,
            String superProcessInstanceId,
            String state,
            Instant startedAt,
            Instant endedAt) {}

    private static final Set<String> QUIET_ACTIVITY_TYPES = Set.of("userTask", "multiInstanceBody");

    private final HistoryService history;
    private final CaseHistory caseHistory;
    private final TaskTrailRows tasks;
    private final EngineTrailRows engine;

    CaseTrail(HistoryService history, CaseHistory caseHistory, TaskTrailRows tasks, EngineTrailRows engine) {
        this.history = history;
        this.caseHistory = caseHistory;
        this.tasks = tasks;
        this.engine = engine;
    }

    /** The instances of a case: those with the business key and, recursively, every instance they called. */
    public List<HistoricProcessInstance> instancesOf(String businessKey) {
        Map<String, HistoricProcessInstance> found = new LinkedHashMap<>();
        List<HistoricProcessInstance> frontier = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(businessKey)
                .orderByProcessInstanceStartTime()
                .asc()
                .list();
        while (!frontier.isEmpty()) {
            List<HistoricProcessInstance> next = new ArrayList<>();
            for (HistoricProcessInstance p : frontier) {
                if (found.putIfAbsent(p.getId(), p) == null) {
                    next.addAll(history.createHistoricProcessInstanceQuery()
                            .superProcessInstanceId(p.getId())
                            .orderByProcessInstanceStartTime()
                            .asc()
                            .list());
                }
            }
            frontier = next;
        }
        return List.copyOf(found.values());
    }

    public Trail of(String businessKey) {
        List<HistoricProcessInstance> instances = instancesOf(businessKey);
        List<Row> rows = new ArrayList<>();
        Set<String> businessKeys = new LinkedHashSet<>();
        businessKeys.add(businessKey);
        for (HistoricProcessInstance p : instances) {
            if (p.getBusinessKey() != null) {
                businessKeys.add(p.getBusinessKey());
            }
            rows.addAll(processRows(p));
        }
        for (String key : businessKeys) {
            for (CaseHistory.Entry e : caseHistory.of(key)) {
                rows.add(new Row(
                        e.recordedAt(),
                        Source.DOMAIN,
                        e.event(),
                        e.businessKey(),
                        null,
                        null,
                        null,
                        null,
                        e.recordedBy(),
                        e.ruleId(),
                        e.detail(),
                        null));
            }
        }
        rows.sort(Comparator.comparing(Row::at).thenComparing(r -> r.source().ordinal()));
        List<Instance> views = instances.stream()
                .map(p -> new Instance(
                        p.getId(),
                        p.getProcessDefinitionId(),
                        p.getProcessDefinitionKey(),
                        p.getBusinessKey(),
                        p.getSuperProcessInstanceId(),
                        p.getState(),
                        instant(p.getStartTime()),
                        instant(p.getEndTime())))
                .toList();
        return new Trail(businessKey, views, List.copyOf(rows));
    }

    /** Activity instances of one process instance, for the diagram (path taken, time per step, where it waits). */
    public List<HistoricActivityInstance> activitiesOf(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .orderPartiallyByOccurrence()
                .asc()
                .list();
    }

    private List<Row> processRows(HistoricProcessInstance p) {
        String pid = p.getId();
        String key = p.getProcessDefinitionKey();
        String bk = p.getBusinessKey();
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(
                instant(p.getStartTime()),
                Source.PROCESS,
                "PROCESS_STARTED",
                bk,
                key,
                pid,
                p.getStartActivityId(),
                p.getProcessDefinitionName(),
                p.getStartUserId(),
                null,
                p.getSuperProcessInstanceId() == null
                        ? "流程启动 " + key + " v" + p.getProcessDefinitionVersion()
                        : "由上级流程 " + p.getSuperProcessInstanceId() + " 调用启动 " + key + " v"
                                + p.getProcessDefinitionVersion(),
                null));
        for (HistoricActivityInstance a : activitiesOf(pid)) {
            if (QUIET_ACTIVITY_TYPES.contains(a.getActivityType())) {
                continue; // user tasks have rows of their own with assignee and times
            }
            String detail = a.getActivityType()
                    + (a.getEndTime() == null ? "，进行中" : "")
                    + (a.isCanceled() ? "，已取消" : "")
                    + (a.getCalledProcessInstanceId() != null ? "，调用流程 " + a.getCalledProcessInstanceId() : "");
            rows.add(new Row(
                    instant(a.getStartTime()),
                    Source.PROCESS,
                    a.getActivityType().toLowerCase().contains("timer") ? "TIMER" : "ACTIVITY",
                    bk,
                    key,
                    pid,
                    a.getActivityId(),
                    a.getActivityName(),
                    null,
                    null,
                    detail,
                    a.getDurationInMillis()));
        }
        rows.addAll(tasks.of(bk, key, pid));
        rows.addAll(engine.of(bk, key, pid));
        if (p.getEndTime() != null) {
            rows.add(new Row(
                    instant(p.getEndTime()),
                    Source.PROCESS,
                    "PROCESS_ENDED",
                    bk,
                    key,
                    pid,
                    p.getEndActivityId(),
                    p.getProcessDefinitionName(),
                    null,
                    null,
                    "流程结束（" + p.getState() + "）" + (p.getDeleteReason() != null ? "：" + p.getDeleteReason() : ""),
                    p.getDurationInMillis()));
        }
        return rows;
    }
}
