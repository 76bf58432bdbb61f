package com.yibaoflow.policy;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Local confirmations of EXTERNAL and SAMPLE figures by an office's own document (number and date). */
@RestController
class PolicyConfirmationController {

    private final PolicyService policies;
    private final RegionScope scope;
    private final LocalConfirmations localConfirmations;

    PolicyConfirmationController(PolicyService policies, RegionScope scope, LocalConfirmations localConfirmations) {
        this.policies = policies;
        this.scope = scope;
        this.localConfirmations = localConfirmations;
    }

    record ConfirmationRequest(String parameterPath, String documentNumber, LocalDate documentDate) {}

    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}/confirmations")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    ResponseEntity<PolicyViews.ConfirmationView> confirm(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @PathVariable int version,
            @RequestBody ConfirmationRequest request,
            @AuthenticationPrincipal StaffPrincipal user) {
        // the region's own supervisors (or those of a region above it) confirm its figures, nobody else's
        if (!scope.canSee(user, regionCode)) {
            throw DomainException.forbidden(
                    "Only a supervisor of region " + regionCode + " confirms the figures of its policy parameters");
        }
        PolicyConfirmation c = localConfirmations.confirm(
                regionCode,
                coverageYear,
                version,
                request.parameterPath(),
                request.documentNumber(),
                request.documentDate(),
                user.userId());
        return ResponseEntity.created(
                        ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .body(PolicyViews.confirmationView(c));
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}/confirmations")
    List<PolicyViews.ConfirmationView> confirmations(
            @PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version) {
        return localConfirmations.confirmations(policies.version(regionCode, coverageYear, version)).stream()
                .map(PolicyViews::confirmationView)
                .toList();
    }
}
