package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.escalation.MajorMatterEvents.MajorMatterClosed;
import com.yibaoflow.escalation.MajorMatterEvents.MajorMatterStepRecorded;
import com.yibaoflow.escalation.MajorMatterFiling.Authority;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.events.SystemCaseEvent;
import com.yibaoflow.shared.process.CandidateGroups;
import com.yibaoflow.shared.process.ProcessVariables;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Keeps each request's row ({@link MajorMatter}) in step with its process, called by the engine listeners
 * ({@link MajorMatterListeners}, {@code recordMajorMatterStep}): where it waits and since when, every step of every
 * round as an opinion row, the national filings, how it ended. Processes started without a request row (process
 * tests that start the model directly) are left alone.
 */
@Component
class MajorMatterRecords {

    /** How the request stands at each end event of the model; an end event not listed closes it as CLOSED. */
    static final Map<String, MajorMatterState> END_STATES = Map.of(
            "EndEvent_Approved", MajorMatterState.APPROVED,
            "EndEvent_Acknowledged", MajorMatterState.ACKNOWLEDGED,
            "EndEvent_Refused", MajorMatterState.REFUSED,
            "EndEvent_Withdrawn", MajorMatterState.WITHDRAWN,
            "EndEvent_RejectedByCounty", MajorMatterState.REJECTED,
            "EndEvent_RejectedByCity", MajorMatterState.REJECTED,
            "EndEvent_RejectedByProvince", MajorMatterState.REJECTED);

    private static final Set<String> REVIEWS = Set.of(TASK_COUNTY, TASK_CITY, TASK_JOINT);

    private final MajorMatters matters;
    private final MajorMatterOpinions opinions;
    private final MajorMatterFilings filings;
    private final MajorMatterAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MajorMatterRecords(
            MajorMatters matters,
            MajorMatterOpinions opinions,
            MajorMatterFilings filings,
            MajorMatterAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.matters = matters;
        this.opinions = opinions;
        this.filings = filings;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** A task was created: the request now waits at its level. */
    void taskCreated(DelegateTask task) {
        MajorMatterLevel level = MajorMatterAccess.LEVEL_OF_TASK.get(task.getTaskDefinitionKey());
        if (level == null) {
            return;
        }
        matter(task)
                .ifPresent(m -> m.waitsAt(level, stateAt(task.getTaskDefinitionKey()), round(task), clock.instant()));
    }

    /** R-MM-02: a task is claimed or given only to a user of its level's department and region. */
    void taskAssigned(DelegateTask task) {
        if (task.getAssignee() != null) {
            requireMayAct(task, task.getAssignee());
        }
    }

    /**
     * A task is completed: the actor may act on it, and the step is kept as an opinion row of its round (with the
     * revised text, or the filings, where the step brings them). {@code opinion} is the opinion as submitted.
     */
    void stepCompleted(DelegateTask task, String opinion) {
        String actor = actor(task);
        if (actor != null) {
            requireMayAct(task, actor);
        }
        Optional<MajorMatter> found = matter(task);
        if (found.isEmpty()) {
            return;
        }
        MajorMatter m = found.get();
        String key = task.getTaskDefinitionKey();
        MajorMatterLevel level = MajorMatterAccess.levelOf(key, CandidateGroups.of(task.getCandidates()));
        String decision = decisionOf(task);
        opinions.save(new MajorMatterOpinion(
                m.id(),
                round(task),
                level,
                key,
                MajorMatterProcess.stepName(key),
                actor,
                decision,
                opinion,
                clock.instant()));
        if (TASK_REVISE.equals(key)) {
            m.revised(ProcessVariables.string(task, SITUATION), ProcessVariables.string(task, PROPOSAL));
        }
        if (FILING_TASKS.contains(key)) {
            recordFiling(m, task, actor);
        }
        publish(new MajorMatterStepRecorded(
                CaseEvent.newId(),
                clock.instant(),
                m.businessKey(),
                round(task),
                level.name(),
                key,
                decision,
                "第" + round(task) + "轮 " + task.getName() + "（" + (actor == null ? "系统" : actor) + "）：" + decision
                        + (opinion == null ? "" : "：" + opinion),
                actor == null ? SystemCaseEvent.SYSTEM : actor));
    }

    /** The process reached an end event: the request is closed with the state that end event means. */
    void ended(DelegateExecution execution) {
        MajorMatterState state = END_STATES.getOrDefault(execution.getCurrentActivityId(), MajorMatterState.CLOSED);
        matter(execution).ifPresent(m -> {
            String reason =
                    state == MajorMatterState.REFUSED ? ProcessVariables.string(execution, REFUSAL_REASON) : null;
            m.closed(state, reason, clock.instant());
            publish(new MajorMatterClosed(
                    CaseEvent.newId(),
                    clock.instant(),
                    m.businessKey(),
                    state.name(),
                    state == MajorMatterState.REFUSED ? "R-MM-04" : "R-MM-02",
                    "重大事项《" + m.title() + "》（" + m.documentNumber() + "）办结：" + state
                            + (reason == null ? "" : "，" + reason)));
        });
    }

    /** R-MM-01: the filing task's own agency, with the reference and date its form recorded (checked by the steps). */
    private void recordFiling(MajorMatter m, DelegateTask task, String actor) {
        Authority authority = Authority.valueOf(ProcessVariables.string(task, FILING_AGENCY));
        String reference = ProcessVariables.string(task, authority.referenceVariable);
        if (reference != null && !filings.existsByMajorMatterIdAndAuthority(m.id(), authority)) {
            filings.save(new MajorMatterFiling(
                    m.id(),
                    authority,
                    reference,
                    date(ProcessVariables.string(task, authority.dateVariable)),
                    actor,
                    clock.instant()));
        }
    }

    private void requireMayAct(DelegateTask task, String userId) {
        String region = ProcessVariables.string(task, REGION_CODE);
        if (region != null) {
            access.requireMayAct(
                    userId,
                    task.getTaskDefinitionKey(),
                    task.getName(),
                    CandidateGroups.of(task.getCandidates()),
                    region);
        }
    }

    /** Who acts: the user logged in to the engine (Tasklist), else the assignee (the API assigns before it acts). */
    private static String actor(DelegateTask task) {
        Authentication authentication =
                task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null
                ? authentication.getUserId()
                : task.getAssignee();
    }

    private static String decisionOf(DelegateTask task) {
        String key = task.getTaskDefinitionKey();
        if (REVIEWS.contains(key)) {
            return ProcessVariables.string(task, DECISION);
        }
        if (TASK_REVISE.equals(key)) {
            return "RESUBMIT";
        }
        if (FILING_TASKS.contains(key)) {
            return "FILED";
        }
        return "OPINION";
    }

    private static MajorMatterState stateAt(String taskKey) {
        if (TASK_REVISE.equals(taskKey)) {
            return MajorMatterState.RETURNED;
        }
        return FILING_TASKS.contains(taskKey) ? MajorMatterState.FILING : MajorMatterState.IN_REVIEW;
    }

    private static int round(VariableScope scope) {
        Integer round = ProcessVariables.integer(scope, ROUND);
        return round == null ? 1 : round;
    }

    private static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Optional<MajorMatter> matter(VariableScope scope) {
        Long id = ProcessVariables.longValue(scope, REQUEST_ID);
        return id == null ? Optional.empty() : matters.findById(id);
    }

    private void publish(Object event) {
        events.publishEvent(event);
    }
}
