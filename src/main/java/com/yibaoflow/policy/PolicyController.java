package com.yibaoflow.policy;

import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.region.FiscalTier;
import com.yibaoflow.region.RegionLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Regions and the versioned policy parameter sets, each figure shown with its rule ID and provenance. */
@RestController
class PolicyController {

    private final PolicyService policies;
    private final PolicyViews views;

    PolicyController(PolicyService policies, PolicyViews views) {
        this.policies = policies;
        this.views = views;
    }

    record RegionView(
            String code,
            String name,
            RegionLevel level,
            String parentCode,
            FiscalTier fiscalTier,
            List<Integer> activeCoverageYears) {}

    record DraftRequest(
            @NotNull PolicyParameters parameters,
            @NotNull Map<String, Provenance> provenance,
            @Size(max = 2000) String note) {}

    /** The document number of the approved major-matter request the activation would come from. */
    record ActivationRequest(@Size(max = 100) String approvingRequest) {}

    @GetMapping("/api/regions")
    List<RegionView> regions() {
        Map<String, List<Integer>> years = policies.activeVersions().stream()
                .collect(Collectors.groupingBy(
                        PolicyVersion::regionCode,
                        Collectors.mapping(PolicyVersion::coverageYear, Collectors.toList())));
        return policies.regions().stream()
                .map(r -> new RegionView(
                        r.code(),
                        r.name(),
                        r.level(),
                        r.parentCode(),
                        r.fiscalTier(),
                        years.getOrDefault(r.code(), List.of())))
                .toList();
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}")
    PolicyViews.PolicyView active(@PathVariable String regionCode, @PathVariable int coverageYear) {
        return views.view(policies.active(regionCode, coverageYear));
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions")
    List<PolicyViews.VersionSummary> versions(@PathVariable String regionCode, @PathVariable int coverageYear) {
        return policies.versions(regionCode, coverageYear).stream()
                .map(PolicyViews::summary)
                .toList();
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}")
    PolicyViews.PolicyView version(
            @PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version) {
        return views.view(policies.version(regionCode, coverageYear, version));
    }

    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    ResponseEntity<PolicyViews.PolicyView> createDraft(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @Valid @RequestBody DraftRequest request,
            @AuthenticationPrincipal StaffPrincipal user) {
        PolicyVersion draft = policies.createDraft(
                regionCode, coverageYear, request.parameters(), request.provenance(), request.note(), user.userId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest()
                        .path("/{version}")
                        .buildAndExpand(draft.version())
                        .toUri())
                .body(views.view(draft));
    }

    @PutMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    PolicyViews.PolicyView reviseDraft(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @PathVariable int version,
            @Valid @RequestBody DraftRequest request) {
        return views.view(policies.reviseDraft(
                regionCode, coverageYear, version, request.parameters(), request.provenance(), request.note()));
    }

    /**
     * R-MM-03: a version is no longer activated through the API. It becomes active as the last step of the approved
     * major-matter request that names it ({@code processes/major-matter-request.bpmn}), in the transaction that ends
     * that case. This endpoint stays to answer former clients through the same gate: 409 with the reason, whatever
     * request it names.
     */
    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}/activation")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    PolicyViews.PolicyView activate(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @PathVariable int version,
            @Valid @RequestBody(required = false) ActivationRequest request,
            @AuthenticationPrincipal StaffPrincipal user) {
        policies.version(regionCode, coverageYear, version); // 404 for a version that does not exist
        return views.view(policies.activate(request == null ? null : request.approvingRequest(), user.userId()));
    }
}
