package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatterAttachments.Attachment;
import com.yibaoflow.escalation.MajorMatterViews.AttachmentView;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import com.yibaoflow.shared.problem.ProblemType;
import com.yibaoflow.shared.problem.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The files of a request: upload (413 too large, 415 another type) and download with the detected content type. */
@RestController
@Tag(name = "Major matters", description = "重大事项请示报告: requests level by level, reports, attachments")
class MajorMatterAttachmentController {

    private final MajorMatterAttachmentUploads uploads;
    private final MajorMatterAttachments attachments;
    private final MajorMatterLookups lookups;

    MajorMatterAttachmentController(
            MajorMatterAttachmentUploads uploads, MajorMatterAttachments attachments, MajorMatterLookups lookups) {
        this.uploads = uploads;
        this.attachments = attachments;
        this.lookups = lookups;
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
        lookups.visible(id, user);
        if (file.getSize() > AttachmentTypes.MAX_BYTES) {
            throw AttachmentRefused.tooLarge(file.getSize()); // refused before its bytes are read into memory
        }
        Attachment a = uploads.attach(id, file.getOriginalFilename(), file.getBytes(), user);
        return ResponseEntity.created(URI.create("/api/major-matters/" + id + "/attachments/" + a.id()))
                .body(AttachmentView.of(a));
    }

    @GetMapping("/api/major-matters/{id}/attachments/{attachmentId}")
    @Transactional(readOnly = true)
    @Operation(summary = "The bytes of an attachment, with the content type detected when it was uploaded")
    ResponseEntity<byte[]> attachment(
            @PathVariable long id, @PathVariable long attachmentId, @AuthenticationPrincipal StaffPrincipal user) {
        lookups.visible(id, user);
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
}
