package com.yibaoflow.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * R-MM-03 in tests: a DRAFT policy version becomes active the one way production has, through an approved
 * major-matter request that names it. A contribution-standard request goes through every level of
 * {@code major-matter-request.bpmn}, is filed with the three national agencies, and its last step activates the
 * version. Static so that the static fixtures ({@link TestPolicies}) can use it; it drives the engine of the shared
 * test context.
 */
public final class MajorMatterRequests {

    private MajorMatterRequests() {}

    /** Takes a request naming the draft through to activation; returns the request's document number. */
    public static String activate(String regionCode, int coverageYear, int version) {
        ProcessInstance pi = submit(regionCode, coverageYear, version);
        approveAndFile(pi.getId());
        ProcessEngine engine = ProcessEngines.getDefaultProcessEngine();
        if (engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(pi.getId())
                        .count()
                != 0) {
            throw new IllegalStateException("The request naming " + regionCode + "/" + coverageYear + " v" + version
                    + " did not end: " + engine.getRuntimeService().getActiveActivityIds(pi.getId()));
        }
        return (String) engine.getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("documentNumber")
                .singleResult()
                .getValue();
    }

    /** A contribution-standard request of the region naming the draft, as the submitting API starts it. */
    public static ProcessInstance submit(String regionCode, int coverageYear, int version) {
        String documentNumber =
                "测试〔" + coverageYear + "〕" + UUID.randomUUID().toString().substring(0, 13) + "号";
        Map<String, Object> variables = new HashMap<>();
        variables.put("matterType", "CONTRIBUTION_STANDARD");
        variables.put("regionCode", regionCode);
        variables.put("title", "关于调整" + coverageYear + "年度城乡居民医保筹资标准的请示");
        variables.put("situation", "测试");
        variables.put("proposal", "启用 " + regionCode + "/" + coverageYear + " v" + version);
        variables.put("documentNumber", documentNumber);
        variables.put("policyCoverageYear", coverageYear);
        variables.put("policyVersion", version);
        ProcessInstance pi = ProcessEngines.getDefaultProcessEngine()
                .getRuntimeService()
                .startProcessInstanceByKey(
                        "major-matter-request", "MM-" + regionCode + "-" + documentNumber, variables);
        runJobs(pi.getId());
        return pi;
    }

    /** Approves at every level, with the finance department's opinion, files with the three agencies, concludes. */
    public static void approveAndFile(String processInstanceId) {
        complete(processInstanceId, "Task_CountyReview", Map.of("decision", "APPROVE", "opinion", "同意上报"));
        complete(processInstanceId, "Task_CityReview", Map.of("decision", "APPROVE", "opinion", "同意上报"));
        complete(processInstanceId, "Task_ProvinceReview", Map.of("opinion", "基金可承受"));
        complete(processInstanceId, "Task_FinanceOpinion", Map.of("opinion", "同意"));
        complete(processInstanceId, "Task_JointOpinion", Map.of("decision", "APPROVE", "opinion", "同意"));
        // filed today, on the engine's (shifted) clock: a filing date is never in the future
        String today = org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate()
                .toString();
        for (String filing : List.of("Task_FileWithNhsa", "Task_FileWithMof", "Task_FileWithSta")) {
            complete(
                    processInstanceId,
                    filing,
                    Map.of("filingReference", filing.substring(13) + "备〔2025〕1号", "filingDate", today));
        }
        runJobs(processInstanceId);
    }

    public static void complete(String processInstanceId, String taskKey, Map<String, Object> variables) {
        var tasks = ProcessEngines.getDefaultProcessEngine().getTaskService();
        Task task = tasks.createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null) {
            throw new IllegalStateException("No task " + taskKey + " waits in " + processInstanceId);
        }
        tasks.complete(task.getId(), variables);
    }

    private static void runJobs(String processInstanceId) {
        var management = ProcessEngines.getDefaultProcessEngine().getManagementService();
        for (int round = 0; round < 20; round++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
    }
}
