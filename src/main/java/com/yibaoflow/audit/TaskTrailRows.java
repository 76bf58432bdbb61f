package com.yibaoflow.audit;

import static com.yibaoflow.audit.TrailText.instant;
import static com.yibaoflow.audit.TrailText.text;
import static com.yibaoflow.audit.TrailText.value;

import com.yibaoflow.audit.CaseTrail.Row;
import com.yibaoflow.audit.CaseTrail.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.stereotype.Component;

/**
 * The people's part of a process instance's trail: each user task created (with its candidate groups and due date),
 * claimed and unclaimed, completed (with assignee and duration), and the values submitted with it; variables set
 * outside a task are rows of their own.
 */
@Component
class TaskTrailRows {

    private final HistoryService history;

    TaskTrailRows(HistoryService history) {
        this.history = history;
    }

    List<Row> of(String bk, String key, String pid) {
        List<Row> rows = new ArrayList<>();
        List<HistoricTaskInstance> tasks = history.createHistoricTaskInstanceQuery()
                .processInstanceId(pid)
                .orderByHistoricActivityInstanceStartTime()
                .asc()
                .list();
        for (HistoricTaskInstance t : tasks) {
            rows.add(row(
                    t.getStartTime(),
                    "TASK_CREATED",
                    bk,
                    key,
                    pid,
                    t,
                    null,
                    "待办创建" + candidateGroups(t.getId()) + (t.getDueDate() == null ? "" : "，到期 " + text(t.getDueDate())),
                    null));
            for (HistoricIdentityLinkLog link : history.createHistoricIdentityLinkLogQuery()
                    .taskId(t.getId())
                    .type("assignee")
                    .orderByTime()
                    .asc()
                    .list()) {
                boolean added = "add".equals(link.getOperationType());
                rows.add(row(
                        link.getTime(),
                        added ? "TASK_CLAIMED" : "TASK_UNCLAIMED",
                        bk,
                        key,
                        pid,
                        t,
                        link.getUserId(),
                        (added ? "认领/指派给 " : "取消指派 ") + link.getUserId(),
                        null));
            }
            if (t.getEndTime() != null) {
                rows.add(row(
                        t.getEndTime(),
                        "TASK_COMPLETED",
                        bk,
                        key,
                        pid,
                        t,
                        t.getAssignee(),
                        "completed".equals(t.getDeleteReason()) || t.getDeleteReason() == null
                                ? "办结"
                                : "结束：" + t.getDeleteReason(),
                        t.getDurationInMillis()));
            }
        }
        rows.addAll(submittedValues(bk, key, pid, tasks));
        return rows;
    }

    /** Form fields and variable updates; those of a task are its FORM_VALUEs. */
    private List<Row> submittedValues(String bk, String key, String pid, List<HistoricTaskInstance> tasks) {
        Map<String, HistoricTaskInstance> tasksById =
                tasks.stream().collect(Collectors.toMap(HistoricTaskInstance::getId, t -> t));
        Map<String, HistoricTaskInstance> tasksByActivityInstance = tasks.stream()
                .filter(t -> t.getActivityInstanceId() != null)
                .collect(Collectors.toMap(HistoricTaskInstance::getActivityInstanceId, t -> t, (a, b) -> a));
        List<Row> rows = new ArrayList<>();
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
                Object value = value(v.getTypedValue(), v.getErrorMessage());
                rows.add(
                        task != null
                                ? formRow(d, bk, key, pid, task, v.getVariableName(), value)
                                : new Row(
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
                                        v.getVariableName() + " = " + text(value),
                                        null));
            }
        }
        return rows;
    }

    private static Row row(
            java.util.Date at,
            String kind,
            String bk,
            String key,
            String pid,
            HistoricTaskInstance t,
            String actor,
            String detail,
            Long durationMillis) {
        return new Row(
                instant(at),
                Source.PROCESS,
                kind,
                bk,
                key,
                pid,
                t.getTaskDefinitionKey(),
                t.getName(),
                actor,
                null,
                detail,
                durationMillis);
    }

    private static Row formRow(
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
}
