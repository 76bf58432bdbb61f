package com.yibaoflow.enrollment;

import com.yibaoflow.identity.Roles;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Task_EscalateReview}: an overdue review (issue #4 §6) may now be taken by the supervisors; the
 * notification module tells them and the caseworkers ({@link ReviewEscalated}).
 */
@Service
@Transactional
class ReviewEscalation {

    private final CaseLookup lookup;
    private final TaskService tasks;
    private final ShiftableClock clock;
    private final EnrollmentProperties properties;
    private final ApplicationEventPublisher events;

    ReviewEscalation(
            CaseLookup lookup,
            TaskService tasks,
            ShiftableClock clock,
            EnrollmentProperties properties,
            ApplicationEventPublisher events) {
        this.lookup = lookup;
        this.tasks = tasks;
        this.clock = clock;
        this.properties = properties;
        this.events = events;
    }

    void escalate(CaseRef ref) {
        EnrollmentCase c = lookup.find(ref);
        Task task = tasks.createTaskQuery()
                .processInstanceId(ref.processInstanceId())
                .taskDefinitionKey(EnrollmentProcess.TASK_REVIEW)
                .singleResult();
        if (task == null) {
            return; // completed in the meantime
        }
        tasks.addCandidateGroup(task.getId(), Roles.SUPERVISOR);
        events.publishEvent(new ReviewEscalated(
                CaseEvent.newId(),
                clock.instant(),
                c.businessKey(),
                c.name(),
                ResidentIdNumber.mask(c.idNumber()),
                c.regionCode(),
                c.coverageYear(),
                properties.reviewWorkingDays(),
                task.getAssignee()));
    }
}
