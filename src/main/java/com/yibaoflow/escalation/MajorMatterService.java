package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.escalation.MajorMatter.PolicyVersionRef;
import com.yibaoflow.escalation.MajorMatterAttachments.Attachment;
import com.yibaoflow.escalation.MajorMatterEvents.MajorMatterStepRecorded;
import com.yibaoflow.escalation.MajorMatterEvents.MajorMatterSubmitted;
import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.time.ClockConfiguration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Major-matter requests from the API (issue #18): drafting and submission with the document number, acting on a
 * level's task, withdrawal by the drafter, attachments. The process moves the request on; {@link MajorMatterRecords}
 * writes what it does into the request's row.
 */
@Service
class MajorMatterService {

    /** What a drafter submits (already checked by Bean Validation). */
    record Draft(
            MajorMatterType type,
            String title,
            String situation,
            String proposal,
            String regionCode,
            PolicyVersionRef policyVersion) {}

    /**
     * What a user submits on a task: the decision and opinion, (on a returned request) the revised text, or (on a
     * national filing, R-MM-01) the agency's reference and the date it was filed on.
     */
    record Action(
            String decision,
            String opinion,
            String situation,
            String proposal,
            String filingReference,
            LocalDate filingDate) {}

    private static final Set<String> DRAFTERS =
            Set.of(Department.MEDICAL_SECURITY.groupId(), Department.MEDICAL_SECURITY_SUPERVISORS.groupId());

    private final MajorMatters matters;
    private final MajorMatterOpinions opinions;
    private final MajorMatterAttachments attachments;
    private final DocumentNumbers numbers;
    private final MajorMatterAccess access;
    private final RegionScope regions;
    private final PolicyService policies;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MajorMatterService(
            MajorMatters matters,
            MajorMatterOpinions opinions,
            MajorMatterAttachments attachments,
            DocumentNumbers numbers,
            MajorMatterAccess access,
            RegionScope regions,
            PolicyService policies,
            RuntimeService runtime,
            TaskService tasks,
            ApplicationEventPublisher events,
            Clock clock) {
        this.matters = matters;
        this.opinions = opinions;
        this.attachments = attachments;
        this.numbers = numbers;
        this.access = access;
        this.regions = regions;
        this.policies = policies;
        this.runtime = runtime;
        this.tasks = tasks;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Submits a request: checked, numbered (gapless per issuing body and year: the number is taken in this
     * transaction and given back if it rolls back), recorded and its process started, all in one transaction.
     */
    @Transactional
    MajorMatter submit(Draft draft, StaffPrincipal user) {
        if (!user.isAdmin()) {
            if (!draft.regionCode().equals(user.regionCode())) {
                throw DomainException.forbidden("Requests are drafted by the region's own staff: " + user.userId()
                        + " works for region " + user.regionCode() + ", not " + draft.regionCode());
            }
            if (DRAFTERS.stream().noneMatch(user::isMemberOf)) {
                throw DomainException.forbidden("Requests are drafted by the medical security bureau");
            }
        }
        String policyLabel = checkPolicyVersion(draft);
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, ClockConfiguration.ZONE).getYear();
        String number = numbers.next(draft.regionCode(), year);
        MajorMatter m = matters.saveAndFlush(new MajorMatter(
                draft.type(),
                draft.title(),
                draft.situation(),
                draft.proposal(),
                draft.regionCode(),
                user.userId(),
                draft.policyVersion(),
                number,
                now));
        events.publishEvent(new MajorMatterSubmitted(
                CaseEvent.newId(),
                now,
                m.businessKey(),
                number,
                m.type().name(),
                m.regionCode(),
                "提交" + m.type().label() + "《" + m.title() + "》，文号" + number
                        + (policyLabel.isEmpty() ? "" : "，拟启用政策版本：" + policyLabel),
                user.userId()));
        VariableMap start = Variables.createVariables();
        if (draft.policyVersion() != null) {
            // R-MM-03: the version the approved request activates, and only that one (MajorMatterSteps)
            start.putValue(POLICY_COVERAGE_YEAR, draft.policyVersion().coverageYear())
                    .putValue(POLICY_VERSION, draft.policyVersion().version());
        }
        ProcessInstance pi = runtime.createProcessInstanceByKey(KEY)
                .businessKey(m.businessKey())
                .setVariables(start)
                .setVariables(Variables.createVariables()
                        .putValue(REQUEST_ID, m.id())
                        .putValue(MATTER_TYPE, m.type().name())
                        .putValue(MATTER_TYPE_LABEL, m.type().label())
                        .putValue(REGION_CODE, m.regionCode())
                        .putValue(TITLE, m.title())
                        .putValue(SITUATION, m.situation())
                        .putValue(PROPOSAL, m.proposal())
                        .putValue(DOCUMENT_NUMBER, number)
                        .putValue(POLICY_VERSION_LABEL, policyLabel)
                        .putValue(ATTACHMENT_NAMES, "")
                        .putValue(DRAFTED_BY, user.userId()))
                .execute();
        m.started(pi.getId());
        return m;
    }

    /**
     * A user acts on one open task of the request (R-MM-02): only the task's department in its level's region
     * (403 otherwise), and only a task that is open (409). The task is assigned to the user and completed; the
     * process's own checks (decision, opinion, R-MM-05) answer as 400 or 422.
     */
    @Transactional
    void act(long id, String taskKey, Action action, StaffPrincipal user) {
        MajorMatter m = locked(id);
        Task task = tasks.createTaskQuery()
                .processInstanceId(m.processInstanceId())
                .taskDefinitionKey(taskKey)
                .singleResult();
        if (task == null && !regions.canSee(user, m.regionCode())) {
            throw DomainException.forbidden(user.userId() + " does not act on requests of region " + m.regionCode());
        }
        if (task == null) {
            throw DomainException.conflict(
                    "Request " + id + " is " + m.state() + " and not waiting at " + taskKey,
                    Map.of("state", m.state().name()));
        }
        Set<String> candidates = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
        access.requireMayAct(
                user.userId(), user.groupIds(), user.regionCode(), taskKey, task.getName(), candidates, m.regionCode());
        if (task.getAssignee() != null && !task.getAssignee().equals(user.userId())) {
            throw DomainException.conflict(
                    task.getName() + " is claimed by " + task.getAssignee(), Map.of("assignee", task.getAssignee()));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, action.decision());
        variables.put(OPINION, action.opinion());
        if (TASK_REVISE.equals(taskKey)) {
            if (action.situation() != null) {
                variables.put(SITUATION, action.situation());
            }
            if (action.proposal() != null) {
                variables.put(PROPOSAL, action.proposal());
            }
        }
        if (FILING_TASKS.contains(taskKey)) {
            // checked on completion by MajorMatterSteps, which names the field of a missing or wrong value
            variables.put(FILING_REFERENCE, action.filingReference());
            variables.put(
                    FILING_DATE,
                    action.filingDate() == null ? null : action.filingDate().toString());
        }
        try {
            if (task.getAssignee() == null) {
                tasks.setAssignee(task.getId(), user.userId());
            }
            tasks.complete(task.getId(), variables);
        } catch (ProcessEngineException e) {
            throw domainCause(e);
        }
    }

    /**
     * The drafter withdraws (撤回) a request no one has acted on: first round, at the county, its task not taken up
     * and no step recorded. Anyone else: 403; too late: 409.
     */
    @Transactional
    void withdraw(long id, StaffPrincipal user) {
        MajorMatter m = locked(id);
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

    /**
     * Attaches a file to an open request: by the drafting region's medical security bureau, at most 20 MB, of a type
     * read from its content (PDF, PNG/JPEG, Excel, Word) whose name does not claim another type. The forms list the
     * attachments' names.
     */
    @Transactional
    Attachment attach(long id, String fileName, byte[] content, StaffPrincipal user) {
        MajorMatter m = locked(id);
        if (!user.isAdmin()
                && (!m.regionCode().equals(user.regionCode())
                        || DRAFTERS.stream().noneMatch(user::isMemberOf))) {
            throw DomainException.forbidden(
                    "Attachments are added by the medical security bureau of region " + m.regionCode());
        }
        if (!m.state().open()) {
            throw DomainException.conflict(
                    "Request " + id + " is " + m.state() + ": no more attachments",
                    Map.of("state", m.state().name()));
        }
        if (content.length == 0) {
            throw DomainException.invalidField("file", "is empty");
        }
        if (content.length > AttachmentTypes.MAX_BYTES) {
            throw new AttachmentRefused(
                    AttachmentRefused.Reason.TOO_LARGE,
                    "is " + content.length + " bytes; an attachment may have at most 20 MB ("
                            + AttachmentTypes.MAX_BYTES + " bytes)");
        }
        AttachmentTypes.Type type = AttachmentTypes.detect(content)
                .orElseThrow(() -> new AttachmentRefused(
                        AttachmentRefused.Reason.UNSUPPORTED_TYPE,
                        "is not a PDF, PNG or JPEG image, Excel (xlsx, xls) or Word (docx, doc) document,"
                                + " judged by its content"));
        String name = fileName(fileName);
        String extension = AttachmentTypes.extension(name);
        if (!extension.isEmpty() && !type.extensions.contains(extension)) {
            throw new AttachmentRefused(
                    AttachmentRefused.Reason.UNSUPPORTED_TYPE,
                    "is named ." + extension + " but its content is " + type + " (" + type.contentType + ")");
        }
        long attachmentId = attachments.add(
                m.id(), name, type.contentType, content, sha256(content), user.userId(), clock.instant());
        runtime.setVariable(
                m.processInstanceId(),
                ATTACHMENT_NAMES,
                attachments.of(m.id()).stream().map(Attachment::fileName).collect(Collectors.joining("\n")));
        return attachments.find(m.id(), attachmentId).orElseThrow();
    }

    /** The request if the user may see its region (404 otherwise: another region's case is not disclosed). */
    MajorMatter visible(long id, StaffPrincipal user) {
        MajorMatter m =
                matters.findById(id).orElseThrow(() -> DomainException.notFound("Major matter " + id + " not found"));
        regions.requireVisible(user, m.regionCode(), "Major matter " + id);
        return m;
    }

    List<MajorMatterOpinion> opinions(MajorMatter m) {
        return opinions.findByMajorMatterIdOrderByIdAsc(m.id());
    }

    private MajorMatter locked(long id) {
        return matters.lockById(id).orElseThrow(() -> DomainException.notFound("Major matter " + id + " not found"));
    }

    /** R-MM-03: the version a request asks to activate is a DRAFT of the drafting region. */
    private String checkPolicyVersion(Draft draft) {
        PolicyVersionRef ref = draft.policyVersion();
        if (ref == null) {
            return "";
        }
        if (!ref.regionCode().equals(draft.regionCode())) {
            throw DomainException.invalidField(
                    "policyVersion.regionCode", "must be the drafting region " + draft.regionCode());
        }
        PolicyVersion version;
        try {
            version = policies.version(ref.regionCode(), ref.coverageYear(), ref.version());
        } catch (DomainException e) {
            throw DomainException.invalidField("policyVersion", e.getMessage());
        }
        if (version.status() != PolicyStatus.DRAFT) {
            throw DomainException.invalidField(
                    "policyVersion", "is " + version.status() + "; a request asks to activate a DRAFT (R-MM-03)");
        }
        return ref.label();
    }

    private static RuntimeException domainCause(ProcessEngineException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DomainException d) {
                return d;
            }
        }
        return e;
    }

    private static String fileName(String original) {
        String name = original == null ? "" : original.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "");
        if (name.isBlank()) {
            return "附件";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
