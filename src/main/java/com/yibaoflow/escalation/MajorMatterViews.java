package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatter.PolicyVersionRef;
import com.yibaoflow.escalation.MajorMatterAttachments.Attachment;
import com.yibaoflow.shared.process.CandidateGroups;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * What the major-matter API answers about a request: its record, where it waits (the open tasks and their groups),
 * every opinion of every round, the national filings and the attachments. Shared by the controllers that act on it.
 */
@Component
class MajorMatterViews {

    record OpenTask(
            String taskKey,
            String name,
            Set<String> candidateGroups,
            String assignee,
            Instant createdAt,
            Instant due) {}

    record OpinionView(
            int round,
            String level,
            String taskKey,
            String taskName,
            String userId,
            String decision,
            String opinion,
            Instant recordedAt) {}

    record FilingView(String authority, String authorityName, String reference, LocalDate filedOn, String recordedBy) {}

    record AttachmentView(
            long id,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String uploadedBy,
            Instant uploadedAt) {
        static AttachmentView of(Attachment a) {
            return new AttachmentView(
                    a.id(), a.fileName(), a.contentType(), a.sizeBytes(), a.sha256(), a.uploadedBy(), a.uploadedAt());
        }
    }

    record MajorMatterView(
            long id,
            String documentNumber,
            String businessKey,
            String type,
            String typeLabel,
            String title,
            String situation,
            String proposal,
            String regionCode,
            String draftedBy,
            PolicyVersionRef policyVersion,
            String state,
            String currentLevel,
            Instant waitingSince,
            int round,
            Instant submittedAt,
            Instant closedAt,
            String refusalReason,
            List<OpenTask> waitingAt,
            List<OpinionView> opinions,
            List<FilingView> filings,
            List<AttachmentView> attachments,
            String processInstanceId) {}

    private final MajorMatterOpinions opinions;
    private final MajorMatterFilings filings;
    private final MajorMatterAttachments attachments;
    private final TaskService tasks;

    MajorMatterViews(
            MajorMatterOpinions opinions,
            MajorMatterFilings filings,
            MajorMatterAttachments attachments,
            TaskService tasks) {
        this.opinions = opinions;
        this.filings = filings;
        this.attachments = attachments;
        this.tasks = tasks;
    }

    MajorMatterView of(MajorMatter m) {
        List<OpenTask> open = m.processInstanceId() == null || !m.state().open()
                ? List.of()
                : tasks.createTaskQuery().processInstanceId(m.processInstanceId()).list().stream()
                        .map(this::openTask)
                        .toList();
        return new MajorMatterView(
                m.id(),
                m.documentNumber(),
                m.businessKey(),
                m.type().name(),
                m.type().label(),
                m.title(),
                m.situation(),
                m.proposal(),
                m.regionCode(),
                m.draftedBy(),
                m.policy(),
                m.state().name(),
                m.currentLevel() == null ? null : m.currentLevel().name(),
                m.waitingSince(),
                m.round(),
                m.submittedAt(),
                m.closedAt(),
                m.refusalReason(),
                open,
                opinions.findByMajorMatterIdOrderByIdAsc(m.id()).stream()
                        .map(o -> new OpinionView(
                                o.round(),
                                o.level().name(),
                                o.taskKey(),
                                o.taskName(),
                                o.userId(),
                                o.decision(),
                                o.opinion(),
                                o.recordedAt()))
                        .toList(),
                filings.findByMajorMatterIdOrderByIdAsc(m.id()).stream()
                        .map(f -> new FilingView(
                                f.authority().name(),
                                f.authority().chineseName,
                                f.reference(),
                                f.filedOn(),
                                f.recordedBy()))
                        .toList(),
                attachments.of(m.id()).stream().map(AttachmentView::of).toList(),
                m.processInstanceId());
    }

    private OpenTask openTask(Task t) {
        return new OpenTask(
                t.getTaskDefinitionKey(),
                t.getName(),
                CandidateGroups.of(tasks.getIdentityLinksForTask(t.getId())),
                t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant());
    }
}
