package com.yibaoflow.escalation;

import static com.yibaoflow.escalation.MajorMatterProcess.*;

import com.yibaoflow.escalation.MajorMatterAttachments.Attachment;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files attached to an open request: who may attach, the size and the type read from the content
 * ({@link AttachmentTypes}), and the attachments' names the forms show.
 */
@Service
class MajorMatterAttachmentUploads {

    private final MajorMatterLookups lookups;
    private final MajorMatterAttachments attachments;
    private final RuntimeService runtime;
    private final Clock clock;

    MajorMatterAttachmentUploads(
            MajorMatterLookups lookups, MajorMatterAttachments attachments, RuntimeService runtime, Clock clock) {
        this.lookups = lookups;
        this.attachments = attachments;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * Attaches a file to an open request: by the drafting region's medical security bureau, at most 20 MB, of a type
     * read from its content (PDF, PNG/JPEG, Excel, Word) whose name does not claim another type. The forms list the
     * attachments' names.
     */
    @Transactional
    Attachment attach(long id, String fileName, byte[] content, StaffPrincipal user) {
        MajorMatter m = lookups.locked(id);
        if (!user.isAdmin() && (!m.regionCode().equals(user.regionCode()) || !MajorMatterAccess.isDrafter(user))) {
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
            throw AttachmentRefused.tooLarge(content.length);
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

    /** The name as kept: without a client's path or control characters, at most 200 characters. */
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
