package com.yibaoflow.hardship;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.id.ValidResidentIdNumber;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Hardship identity verification started on its own (issue #5 §2), and its result with the source of each claim. */
@RestController
@Tag(name = "Hardship", description = "困难身份认定: verification of claimed hardship categories")
class HardshipVerificationController {

    private final RuntimeService runtime;
    private final HardshipVerifications verifications;
    private final HardshipClaims claims;
    private final PolicyService policies;
    private final RegionScope regions;

    HardshipVerificationController(
            RuntimeService runtime,
            HardshipVerifications verifications,
            HardshipClaims claims,
            PolicyService policies,
            RegionScope regions) {
        this.runtime = runtime;
        this.verifications = verifications;
        this.claims = claims;
        this.policies = policies;
        this.regions = regions;
    }

    record VerificationRequest(
            @ValidResidentIdNumber String idNumber,
            @NotBlank(message = "is required") String personName,
            @NotBlank(message = "is required") String regionCode,
            @NotNull(message = "is required") Integer coverageYear,

            @NotEmpty(message = "must name at least one category")
            List<@NotBlank(message = "is not a hardship category") String> claimedCategories) {}

    record ClaimView(
            String category,
            String categoryName,
            String department,
            String status,
            String source,
            Long rosterVersionId,
            String decidedBy,
            String refusalReason,
            Instant decidedAt) {}

    record VerificationView(
            Long id,
            String businessKey,
            String idNumberMasked,
            String personName,
            String regionCode,
            int coverageYear,
            Long enrollmentCaseId,
            String status,
            List<String> verifiedCategories,
            String appliedCategory,
            List<ClaimView> claims,
            String processInstanceId) {}

    record Started(String processInstanceId, String businessKey) {}

    @PostMapping("/api/hardship-verifications")
    @PreAuthorize("hasAnyRole('medical-security', 'medical-security-supervisors', 'camunda-admin')")
    @Operation(summary = "Starts a verification of claimed categories (R-SUB-09..12); 202 with the process instance")
    ResponseEntity<Started> start(
            @Valid @RequestBody VerificationRequest r, @AuthenticationPrincipal StaffPrincipal user) {
        List<FieldError> errors = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        for (int i = 0; i < r.claimedCategories().size(); i++) {
            try {
                String code = HardshipCategory.valueOf(
                                r.claimedCategories().get(i).strip().toUpperCase(Locale.ROOT))
                        .name();
                if (!categories.contains(code)) {
                    categories.add(code);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("claimedCategories[" + i + "]", "is not a hardship category"));
            }
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
        regions.requireVisible(user, r.regionCode(), "Region " + r.regionCode());
        try {
            policies.activeSnapshot(r.regionCode(), r.coverageYear());
        } catch (DomainException e) {
            throw DomainException.invalidField(
                    "coverageYear",
                    "has no active policy parameters in region " + r.regionCode() + ": " + r.coverageYear());
        }
        String idNumber = r.idNumber().strip().toUpperCase(Locale.ROOT);
        String businessKey = HardshipProcess.businessKey(r.regionCode(), r.coverageYear(), idNumber);
        ProcessInstance pi = runtime.createProcessInstanceByKey(HardshipProcess.KEY)
                .businessKey(businessKey)
                .setVariables(Variables.createVariables()
                        .putValue(HardshipProcess.ID_NUMBER, idNumber)
                        .putValue(HardshipProcess.PERSON_NAME, r.personName().strip())
                        .putValue(HardshipProcess.REGION_CODE, r.regionCode())
                        .putValue(HardshipProcess.COVERAGE_YEAR, r.coverageYear())
                        .putValue(HardshipProcess.CLAIMED_CATEGORIES, categories))
                .execute();
        return ResponseEntity.accepted()
                .location(URI.create("/api/hardship-verifications?processInstanceId=" + pi.getId()))
                .body(new Started(pi.getId(), businessKey));
    }

    @GetMapping("/api/hardship-verifications/{id}")
    @Transactional(readOnly = true)
    @Operation(summary = "A verification: each claim with its department, outcome and source")
    VerificationView get(@PathVariable long id, @AuthenticationPrincipal StaffPrincipal user) {
        HardshipVerification v = verifications
                .findById(id)
                .orElseThrow(() -> DomainException.notFound("Hardship verification " + id + " not found"));
        regions.requireVisible(user, v.regionCode(), "Hardship verification " + id);
        return view(v);
    }

    private VerificationView view(HardshipVerification v) {
        return new VerificationView(
                v.id(),
                v.businessKey(),
                ResidentIdNumber.mask(v.idNumber()),
                v.personName(),
                v.regionCode(),
                v.coverageYear(),
                v.enrollmentCaseId(),
                v.status().name(),
                v.verifiedCategories(),
                v.appliedCategory(),
                claims.findByVerificationIdOrderByIdAsc(v.id()).stream()
                        .map(c -> new ClaimView(
                                c.category(),
                                HardshipCategory.valueOf(c.category()).chineseName(),
                                c.department(),
                                c.status().name(),
                                c.source() == null ? null : c.source().name(),
                                c.rosterVersionId(),
                                c.decidedBy(),
                                c.refusalReason(),
                                c.decidedAt()))
                        .toList(),
                v.processInstanceId());
    }
}
