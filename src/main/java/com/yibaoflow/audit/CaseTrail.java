package com.yibaoflow.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Service;

/**
 * One chronological trail of a case, merged from Camunda's history (through the public {@link HistoryService}
 * only) and our domain events in {@link CaseHistory}. It is generic: every process instance with the business key,
 * every process it called (super/sub instances, to any depth) and every case whose domain events name one of those
 * business keys is included, so a new case type appears here without code of its own.
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

    CaseTrail(HistoryService history, CaseHistory caseHistory) {
        this.history = history;
        this.caseHistory = caseHistory;
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
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceId(pid)
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list();
        for (HistoricTaskInstance t : tasks) {
            rows.add(new Row(
                    instant(t.getStartTime()),
                    Source.PROCESS,
                    "TASK_CREATED",
                    bk,
                    key,
                    pid,
                    t.getTaskDefinitionKey(),
                    t.getName(),
                    null,
                    null,
                    "待办创建" + candidateGroups(t.getId()) + (t.getDueDate() == null ? "" : "，到期 " + text(t.getDueDate())),
                    null));
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                    .taskId(t.getId())
                    .type("assignee")
                    .orderByTime()
                    .asc()
                    .list()) {
                rows.add(new Row(
                        instant(link.getTime()),
                        Source.PROCESS,
                        "add".equals(link.getOperationType()) ? "TASK_CLAIMED" : "TASK_UNCLAIMED",
                        bk,
                        key,
                        pid,
                        t.getTaskDefinitionKey(),
                        t.getName(),
                        link.getUserId(),
                        null,
                        ("add".equals(link.getOperationType()) ? "认领/指派给 " : "取消指派 ") + link.getUserId(),
                        null));
            }
            if (t.getEndTime() != null) {
                rows.add(new Row(
                        instant(t.getEndTime()),
                        Source.PROCESS,
                        "TASK_COMPLETED",
                        bk,
                        key,
                        pid,
                        t.getTaskDefinitionKey(),
                        t.getName(),
                        t.getAssignee(),
                        null,
                        "completed".equals(t.getDeleteReason()) || t.getDeleteReason() == null
                                ? "办结"
                                : "结束：" + t.getDeleteReason(),
                        t.getDurationInMillis()));
            }
        }
        Map<String, HistoricTaskInstance> tasksById =
                tasks.stream().collect(Collectors.toMap(HistoricTaskInstance::getId, t -> t));
        Map<String, HistoricTaskInstance> tasksByActivityInstance = tasks.stream()
                .filter(t -> t.getActivityInstanceId() != null)
                .collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, t -> t, (a, b) -> a));
        // object values are shown as stored (JSON), never deserialized: a class that changed cannot break the trail
        for (HistoricDetail d : history.createHistoricDetailQuery()
                .processInstanceId(pid)
                .disableBinaryFetching()
                .disableCustomObjectDeserialization()
                .orderByTime()
                .asc()
                .list()) {
            HistoricTaskInstance task = d.getTaskId() != null
                    ? tasksById.get(d.getTaskId())
                    : tasksByActivityInstance.get(d.getActivityInstanceId());
            if (d instanceof HistoricFormField f) {
                rows.add(formRow(d, bk, key, pid, task, f.getFieldId(), f.getFieldValue()));
            } else if (d instanceof HistoricVariableUpdate v) {
                if (task != null) {
                    rows.add(formRow(
                            d, bk, key, pid, task, v.getVariableName(), value(v.getTypedValue(), v.getErrorMessage())));
                } else {
                    rows.add(new Row(
                            instant(d.getTime()),
                            Source.PROCESS,
                            "VARIABLE",
                            bk,
                            key,
                            pid,
                            null,
                            v.getVariableName(),
                            null,
                            null,
                            v.getVariableName() + " = " + text(value(v.getTypedValue(), v.getErrorMessage())),
                            null));
                }
            }
        }
        for (HistoricDecisionInstance decision : history.createHistoricDecisionInstanceQuery()
                .processInstanceId(pid)
                .includeInputs()
                .includeOutputs()
                .disableCustomObjectDeserialization()
                .orderByEvaluationTime()
                .asc()
                .list()) {
            String inputs = decision.getInputs().stream()
                    .map(i -> label(i.getClauseName(), i.getClauseId()) + "="
                            + text(value(i.getTypedValue(), i.getErrorMessage())))
                    .collect(Collectors.joining("，"));
            String outputs = decision.getOutputs().stream()
                    .map(o -> label(o.getClauseName(), o.getVariableName()) + "="
                            + text(value(o.getTypedValue(), o.getErrorMessage()))
                            + (o.getRuleId() != null ? "（规则 " + o.getRuleId() + "）" : ""))
                    .collect(Collectors.joining("，"));
            rows.add(new Row(
                    instant(decision.getEvaluationTime()),
                    Source.PROCESS,
                    "DECISION",
                    bk,
                    key,
                    pid,
                    decision.getActivityId(),
                    label(decision.getDecisionDefinitionName(), decision.getDecisionDefinitionKey()),
                    decision.getUserId(),
                    null,
                    "决策 " + decision.getDecisionDefinitionKey() + "；输入：" + inputs + "；输出：" + outputs,
                    null));
        }
        for (HistoricJobLog job : history.createHistoricJobLogQuery()
                .processInstanceId(pid)
                .failureLog()
                .orderByTimestamp()
                .asc()
                .list()) {
            rows.add(new Row(
                    instant(job.getTimestamp()),
                    Source.PROCESS,
                    "JOB_FAILED",
                    bk,
                    key,
                    pid,
                    job.getActivityId(),
                    job.getJobDefinitionType(),
                    null,
                    null,
                    "作业失败（剩余重试 " + job.getJobRetries() + "）：" + job.getJobExceptionMessage(),
                    null));
        }
        for (HistoricIncident incident : history.createHistoricIncidentQuery()
                .processInstanceId(pid)
                .orderByCreateTime()
                .asc()
                .list()) {
            rows.add(new Row(
                    instant(incident.getCreateTime()),
                    Source.PROCESS,
                    "INCIDENT",
                    bk,
                    key,
                    pid,
                    incident.getActivityId(),
                    incident.getIncidentType(),
                    null,
                    null,
                    "事件" + (incident.isResolved() ? "（已解决）" : incident.isDeleted() ? "（已删除）" : "（未解决）") + "："
                            + incident.getIncidentMessage(),
                    null));
        }
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

    private Row formRow(
            HistoricDetail d, String bk, String key, String pid, HistoricTaskInstance task, String name, Object value) {
        return new Row(
                instant(d.getTime()),
                Source.PROCESS,
                "FORM_VALUE",
                bk,
                key,
                pid,
                task == null ? null : task.getTaskDefinitionKey(),
                name,
                task == null ? null : task.getAssignee(),
                null,
                (task == null ? "" : "「" + task.getName() + "」提交 ") + name + " = " + text(value),
                null);
    }

    private String candidateGroups(String taskId) {
        String groups = history.createHistoricIdentityLinkLogQuery().taskId(taskId).type("candidate").list().stream()
                .map(HistoricIdentityLinkLog::getGroupId)
                .filter(Objects::nonNull)
                .distinct()
                .collect(Collectors.joining("、"));
        return groups.isEmpty() ? "" : "，候选组 " + groups;
    }

    private static String label(String name, String fallback) {
        return name != null && !name.isBlank() ? name : fallback;
    }

    /** A stored value as it is: an object variable's serialized form, or why it cannot be read. */
    private static Object value(TypedValue typed, String errorMessage) {
        if (errorMessage != null) {
            return "（无法读取：" + errorMessage + "）";
        }
        if (typed instanceof ObjectValue object) {
            return object.getValueSerialized();
        }
        return typed == null ? null : typed.getValue();
    }

    private static String text(Object value) {
        String s = value instanceof java.util.Date d
                ? java.time.OffsetDateTime.ofInstant(d.toInstant(), java.time.ZoneId.of("Asia/Shanghai"))
                        .toString()
                : String.valueOf(value);
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    private static Instant instant(java.util.Date date) {
        return date == null ? null : date.toInstant();
    }
}
