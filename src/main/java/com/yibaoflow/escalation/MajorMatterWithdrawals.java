package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.escalation.MajorMatterEvents.MajorMatterStepRecorded;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drafter withdraws (撤回) a request no one has acted on yet. */
@Service
class MajorMatterWithdrawals {

    private final MajorMatterLookups lookups;
    private final MajorMatterOpinions opinions;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MajorMatterWithdrawals(
            MajorMatterLookups lookups,
            MajorMatterOpinions opinions,
            RuntimeService runtime,
            TaskService tasks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.lookups = lookups;
        this.opinions = opinions;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The drafter withdraws (撤回) a request no one has acted on: first round, at the county, its task not taken up
     * and no step recorded. Anyone else: 403; too late: 409.
     */
    @Transactional
    void withdraw(long id, StaffPrincipal user) {
        MajorMatter m = lookups.locked(id);
        if (!user.userId().equals(m.draftedBy())) {
            throw DomainException.forbidden("Only the drafter (" + m.draftedBy() + ") withdraws request " + id);
        }
        Task county = tasks.createTaskQuery()
                .processInstanceId(m.processInstanceId())
                .taskDefinitionKey(TASK_COUNTY)
                .singleResult();
        if (m.state() != MajorMatterState.IN_REVIEW
                || m.round() > 1
                || county == null
                || county.getAssignee() != null
                || opinions.countByMajorMatterId(m.id()) > 0) {
            throw DomainException.conflict(
                    "Request " + id + " is " + m.state()
                            + (county != null && county.getAssignee() != null
                                    ? ", taken up by " + county.getAssignee()
                                    : "")
                            + ": only a request no one has acted on can be withdrawn",
                    Map.of("state", m.state().name()));
        }
        Instant now = clock.instant();
        opinions.save(new MajorMatterOpinion(
                m.id(),
                m.round(),
                MajorMatterLevel.DRAFTER,
                "Boundary_Withdrawn",
                "起草人撤回",
                user.userId(),
                "WITHDRAW",
                null,
                now));
        events.publishEvent(new MajorMatterStepRecorded(
                CaseEvent.newId(),
                now,
                m.businessKey(),
                m.round(),
                MajorMatterLevel.DRAFTER.name(),
                "Boundary_Withdrawn",
                "WITHDRAW",
                "起草人撤回重大事项《" + m.title() + "》（" + m.documentNumber() + "）",
                user.userId()));
        runtime.createMessageCorrelation(MESSAGE_WITHDRAWN)
                .processInstanceId(m.processInstanceId())
                .correlate();
    }
}
