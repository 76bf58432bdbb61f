package com.yibaoflow.audit;

import static com.yibaoflow.audit.TrailText.instant;
import static com.yibaoflow.audit.TrailText.label;
import static com.yibaoflow.audit.TrailText.text;
import static com.yibaoflow.audit.TrailText.value;

import com.yibaoflow.audit.CaseTrail.Row;
import com.yibaoflow.audit.CaseTrail.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.springframework.stereotype.Component;

/**
 * What the engine decided and what went wrong in a process instance: DMN decisions with their inputs, outputs and
 * matched rules, failed jobs and incidents.
 */
@Component
class EngineTrailRows {

    private final HistoryService history;

    EngineTrailRows(HistoryService history) {
        this.history = history;
    }

    List<Row> of(String bk, String key, String pid) {
        List<Row> rows = new ArrayList<>();
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
        return rows;
    }
}
