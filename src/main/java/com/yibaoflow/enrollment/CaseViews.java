package com.yibaoflow.enrollment;

import com.yibaoflow.audit.CaseHistory;
import com.yibaoflow.audit.PersonReads;
import com.yibaoflow.shared.process.CandidateGroups;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A case as the API shows it: its row with payments, coverage, open tasks (its own and its hardship call's), history. */
@Component
class CaseViews {

    private final Payments payments;
    private final Coverages coverages;
    private final TaskService tasks;
    private final HistoryService processHistory;
    private final CaseHistory history;
    private final CaseNotices notices;
    private final PersonReads reads;

    CaseViews(
            Payments payments,
            Coverages coverages,
            TaskService tasks,
            HistoryService processHistory,
            CaseHistory history,
            CaseNotices notices,
            PersonReads reads) {
        this.payments = payments;
        this.coverages = coverages;
        this.tasks = tasks;
        this.processHistory = processHistory;
        this.history = history;
        this.notices = notices;
        this.reads = reads;
    }

    @Transactional(readOnly = true)
    EnrollmentView of(EnrollmentCase c) {
        reads.shown(PersonReads.ENROLLMENT_CASE, c.businessKey(), null); // the view has the full ID number (#20 §6)
        return EnrollmentView.of(
                c,
                payments.findByCaseIdOrderByReceivedAtAsc(c.id()),
                coverages.findByCaseId(c.id()).orElse(null),
                openTasks(c),
                history.of(c.businessKey()),
                notices.ofCase(c.businessKey()).stream()
                        .map(n -> new EnrollmentView.NotificationEntry(
                                n.recipientGroup(), n.township(), n.subject(), n.body(), n.createdAt()))
                        .toList());
    }

    private List<EnrollmentView.OpenTask> openTasks(EnrollmentCase c) {
        List<EnrollmentView.OpenTask> open = new ArrayList<>();
        if (c.processInstanceId() == null) {
            return open;
        }
        List<String> instances = new ArrayList<>(List.of(c.processInstanceId()));
        processHistory
                .createHistoricProcessInstanceQuery()
                .superProcessInstanceId(c.processInstanceId())
                .unfinished()
                .list()
                .stream()
                .map(HistoricProcessInstance::getId)
                .forEach(instances::add);
        for (String instance : instances) {
            for (Task t : tasks.createTaskQuery().processInstanceId(instance).list()) {
                List<String> groups = List.copyOf(CandidateGroups.of(tasks.getIdentityLinksForTask(t.getId())));
                open.add(new EnrollmentView.OpenTask(
                        t.getId(),
                        t.getName(),
                        t.getTaskDefinitionKey(),
                        keyOf(t.getProcessDefinitionId()),
                        t.getAssignee(),
                        groups,
                        t.getCreateTime(),
                        t.getDueDate()));
            }
        }
        return open;
    }

    private static String keyOf(String processDefinitionId) {
        return processDefinitionId == null ? null : processDefinitionId.split(":")[0];
    }
}
