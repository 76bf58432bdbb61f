package com.yibaoflow.audit;

import com.yibaoflow.shared.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hash chain's verification and its signed checkpoints (issue #20 §4). */
@RestController
@Tag(name = "Audit")
class AuditController {

    private final ChainVerification verification;
    private final AuditCheckpoints checkpoints;

    AuditController(ChainVerification verification, AuditCheckpoints checkpoints) {
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @GetMapping("/api/audit/verification")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(
            summary = "Re-computes the case history's hash chain, checks every signed checkpoint, names the first "
                    + "broken link")
    ChainVerification.Result verify(
            @RequestParam(required = false) Long chainSeq,
            @RequestParam(required = false) String headHash,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant signedAt,
            @RequestParam(required = false) String signature) {
        if (chainSeq == null && headHash == null && signedAt == null && signature == null) {
            return verification.verify();
        }
        if (chainSeq == null || headHash == null || signedAt == null || signature == null) {
            throw DomainException.invalidField(
                    chainSeq == null
                            ? "chainSeq"
                            : headHash == null ? "headHash" : signedAt == null ? "signedAt" : "signature",
                    "an exported checkpoint needs chainSeq, headHash, signedAt and signature");
        }
        return verification.verify(List.of(checkpoints.exported(chainSeq, headHash, signedAt, signature)));
    }

    @PostMapping("/api/audit/checkpoints")
    @PreAuthorize(AuditReaders.CHECKPOINT_WRITERS)
    @Operation(summary = "Signs a checkpoint of the chain head now (Ed25519)")
    ResponseEntity<AuditCheckpoints.Checkpoint> checkpoint(Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.create(principal.getName()));
    }

    @GetMapping("/api/audit/checkpoints/latest")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(summary = "The latest signed checkpoint: head hash, time, signed text, signature, public key")
    AuditCheckpoints.Checkpoint latest() {
        return checkpoints.latest().orElseThrow(() -> DomainException.notFound("No checkpoint has been signed yet"));
    }

    @GetMapping("/api/audit/checkpoints")
    @PreAuthorize(AuditReaders.EXPRESSION)
    @Operation(summary = "Every signed checkpoint, oldest first")
    List<AuditCheckpoints.Checkpoint> all() {
        return checkpoints.all();
    }
}
