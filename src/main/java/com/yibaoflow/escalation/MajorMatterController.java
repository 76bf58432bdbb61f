package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatter.PolicyVersionRef;
import com.yibaoflow.escalation.MajorMatterAttachments.Attachment;
import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import com.yibaoflow.shared.problem.ProblemType;
import com.yibaoflow.shared.problem.Problems;
import com.yibaoflow.shared.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Major-matter requests and reports (issue #18): drafting and submission, the record, tasks, attachments. */
@RestController
@Tag(name = "Major matters", description = "重大事项请示报告: requests level by level, reports, attachments")
class MajorMatterController {

    private final MajorMatterService service;
    private final MajorMatters matters;
    private final MajorMatterFilings filings;
    private final MajorMatterAttachments attachments;
    private final RegionScope regions;
    private final TaskService tasks;

    MajorMatterController(
            MajorMatterService service,
            MajorMatters matters,
            MajorMatterFilings filings,
            MajorMatterAttachments attachments,
            RegionScope regions,
            TaskService tasks) {
        this.service = service;
        this.matters = matters;
        this.filings = filings;
        this.attachments = attachments;
        this.regions = regions;
        this.tasks = tasks;
    }

    record DraftRequest(
            @NotNull(message = "is required") MajorMatterType type,

            @NotBlank(message = "is required") @Size(max = 200, message = "has at most 200 characters")
            String title,

            @NotBlank(message = "is required") @Size(max = 8000, message = "has at most 8000 characters")
            String situation,

            @NotBlank(message = "is required") @Size(max = 8000, message = "has at most 8000 characters")
            String proposal,

            @NotBlank(message = "is required") String regionCode,
            @Valid PolicyVersionRequest policyVersion) {}

    record PolicyVersionRequest(
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,

            @NotNull(message = "is required") @Positive(message = "must be positive")
            Integer version) {}

    record ActionRequest(
            String decision,

            @Size(max = 2000, message = "has at most 2000 characters")
            String opinion,

            @Size(max = 8000, message = "has at most 8000 characters")
            String situation,

            @Size(max = 8000, message = "has at most 8000 characters")
            String proposal,

            /** R-MM-01, on {@code Task_FileWithNhsa}, {@code Task_FileWithMof}, {@code Task_FileWithSta}. */
            @Size(max = 100, message = "has at most 100 characters")
            String filingReference,

            LocalDate filingDate) {}

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

    record Summary(
            long id,
            String documentNumber,
            String type,
            String title,
            String regionCode,
            String state,
            String currentLevel,
            Instant waitingSince,
            Instant submittedAt) {
        static Summary of(MajorMatter m) {
            return new Summary(
                    m.id(),
                    m.documentNumber(),
                    m.type().name(),
                    m.title(),
                    m.regionCode(),
                    m.state().name(),
                    m.currentLevel() == null ? null : m.currentLevel().name(),
                    m.waitingSince(),
                    m.submittedAt());
        }
    }

    @PostMapping("/api/major-matters")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Drafts and submits a request or report: numbered, recorded and its process started (201)")
    ResponseEntity<MajorMatterView> submit(
            @Valid @RequestBody DraftRequest r, @AuthenticationPrincipal StaffPrincipal user) {
        PolicyVersionRef policy = r.policyVersion() == null
                ? null
                : new PolicyVersionRef(
                        r.policyVersion().regionCode().strip(),
                        r.policyVersion().coverageYear(),
                        r.policyVersion().version());
        MajorMatter m = service.submit(
                new MajorMatterService.Draft(
                        r.type(),
                        r.title().strip(),
                        r.situation().strip(),
                        r.proposal().strip(),
                        r.regionCode().strip(),
                        policy),
                user);
        return ResponseEntity.created(URI.create("/api/major-matters/" + m.id()))
                .body(view(service.visible(m.id(), user)));
    }

    @GetMapping("/api/major-matters/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A request: state, document number, where it waits and since when, opinions, filings, files")
    MajorMatterView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal user) {
        return view(service.visible(id, user));
    }

    @GetMapping("/api/major-matters")
    @Transactional(readOnly = true)
    @Operation(summary = "Pages through the requests of the regions the user works on")
    PageView<Summary> list(
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) MajorMatterState state,
            @RequestParam(required = false) MajorMatterType type,
            @RequestParam(required = false) MajorMatterLevel level,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @AuthenticationPrincipal StaffPrincipal user) {
        if (page < 0) {
            throw DomainException.invalidField("page", "must not be negative");
        }
        if (size < 1 || size > 500) {
            throw DomainException.invalidField("size", "must be between 1 and 500");
        }
        Set<String> visible = regions.visibleRegions(user);
        if (regionCode != null) {
            visible = visible.contains(regionCode) ? Set.of(regionCode) : Set.of();
        }
        return PageView.of(
                matters.search(visible, state, type, level, PageRequest.of(page, size, Sort.by("id"))), Summary::of);
    }

    @PostMapping("/api/major-matters/{id}/tasks/{taskKey}")
    @Operation(
            summary = "Acts on an open task of the request: decision and opinion (or the revised text after a return);"
                    + " 403 for a user of another level or region")
    MajorMatterView act(
            @PathVariable long id,
            @PathVariable String taskKey,
            @Valid @RequestBody ActionRequest r,
            @AuthenticationPrincipal StaffPrincipal user) {
        service.act(
                id,
                taskKey,
                new MajorMatterService.Action(
                        blankToNull(r.decision()),
                        blankToNull(r.opinion()),
                        blankToNull(r.situation()),
                        blankToNull(r.proposal()),
                        r.filingReference() == null
                                ? null
                                : blankToNull(r.filingReference().strip()),
                        r.filingDate()),
                user);
        return view(service.visible(id, user));
    }

    @PostMapping("/api/major-matters/{id}/withdrawal")
    @Operation(summary = "The drafter withdraws a request no one has acted on yet (撤回)")
    MajorMatterView withdraw(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal user) {
        service.withdraw(id, user);
        return view(service.visible(id, user));
    }

    @PostMapping(path = "/api/major-matters/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Attaches a file (PDF, PNG/JPEG, xlsx/xls, docx/doc; at most 20 MB), its type read from its"
                    + " content: 413 too large, 415 another type")
    ResponseEntity<AttachmentView> attach(
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            @AuthenticationPrincipal StaffPrincipal user)
            throws IOException {
        service.visible(id, user);
        if (file.getSize() > AttachmentTypes.MAX_BYTES) {
            // refused before its bytes are read into memory
            throw new AttachmentRefused(
                    AttachmentRefused.Reason.TOO_LARGE,
                    "is " + file.getSize() + " bytes; an attachment may have at most 20 MB ("
                            + AttachmentTypes.MAX_BYTES + " bytes)");
        }
        Attachment a = service.attach(id, file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.created(URI.create("/api/major-matters/" + id + "/attachments/" + a.id()))
                .body(AttachmentView.of(a));
    }

    @GetMapping("/api/major-matters/{id}/attachments/{attachmentId}")
    @Transactional(readOnly = true)
    @Operation(summary = "The bytes of an attachment, with the content type detected when it was uploaded")
    ResponseEntity<byte[]> attachment(
            @PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal StaffPrincipal user) {
        service.visible(id, user);
        Attachment a = attachments
                .find(id, attachmentId)
                .orElseThrow(() -> DomainException.notFound(
                        "Attachment " + attachmentId + " of major matter " + id + " not found"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(a.contentType()))
                .contentLength(a.sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(a.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(attachments.content(a.id()));
    }

    @ExceptionHandler(AttachmentRefused.class)
    ResponseEntity<ProblemDetail> refused(AttachmentRefused e) {
        ProblemType type = e.reason() == AttachmentRefused.Reason.TOO_LARGE
                ? ProblemType.PAYLOAD_TOO_LARGE
                : ProblemType.UNSUPPORTED_MEDIA_TYPE;
        ProblemDetail problem = Problems.of(type, "file: " + e.getMessage());
        problem.setProperty("errors", List.of(new FieldError("file", e.getMessage())));
        return ResponseEntity.status(type.status()).body(problem);
    }

    private MajorMatterView view(MajorMatter m) {
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
                service.opinions(m).stream()
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
        Set<String> groups = new java.util.TreeSet<>();
        for (IdentityLink l : tasks.getIdentityLinksForTask(t.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null) {
                groups.add(l.getGroupId());
            }
        }
        return new OpenTask(
                t.getTaskDefinitionKey(),
                t.getName(),
                groups,
                t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
                t.getDueDate() == null ? null : t.getDueDate().toInstant());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
