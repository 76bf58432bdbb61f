package com.yibaoflow.policy;

import com.yibaoflow.region.Regions;
import com.yibaoflow.region.RegionLevel;
import com.yibaoflow.region.Region;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.region.FiscalTier;
import com.yibaoflow.policy.calc.ParameterPaths;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Regions and the versioned policy parameter sets, each figure shown with its rule ID and provenance. */
@RestController
class PolicyController {

    private final PolicyService policies;

    PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    record RegionView(String code, String name, RegionLevel level, String parentCode, FiscalTier fiscalTier,
                      List<Integer> activeCoverageYears) {
    }

    record Figure(String path, Object value, String ruleId, String source, String clause, boolean confirmed,
                  String provenance) {
    }

    record PolicyView(String regionCode, String regionName, int coverageYear, int version, PolicyStatus status,
                      FiscalTier fiscalTier, String approvingRequestRef, String note, Instant createdAt,
                      String createdBy, Instant activatedAt, String activatedBy, Instant supersededAt,
                      PolicyParameters parameters, List<Figure> figures) {
    }

    record VersionSummary(int version, PolicyStatus status, String approvingRequestRef, String note,
                          Instant createdAt, String createdBy, Instant activatedAt, String activatedBy,
                          Instant supersededAt) {
    }

    record DraftRequest(@NotNull PolicyParameters parameters, @NotNull Map<String, Provenance> provenance,
                        @Size(max = 2000) String note) {
    }

    record ActivationRequest(@NotBlank @Size(max = 100) String approvingRequestRef) {
    }

    @GetMapping("/api/regions")
    List<RegionView> regions() {
        Map<String, List<Integer>> years = policies.activeVersions().stream().collect(Collectors.groupingBy(
                PolicyVersion::regionCode, Collectors.mapping(PolicyVersion::coverageYear, Collectors.toList())));
        return policies.regions().stream().map(r -> new RegionView(r.code(), r.name(), r.level(), r.parentCode(),
                r.fiscalTier(), years.getOrDefault(r.code(), List.of()))).toList();
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}")
    PolicyView active(@PathVariable String regionCode, @PathVariable int coverageYear) {
        return view(policies.active(regionCode, coverageYear));
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions")
    List<VersionSummary> versions(@PathVariable String regionCode, @PathVariable int coverageYear) {
        return policies.versions(regionCode, coverageYear).stream().map(PolicyController::summary).toList();
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}")
    PolicyView version(@PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version) {
        return view(policies.version(regionCode, coverageYear, version));
    }

    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    ResponseEntity<PolicyView> createDraft(@PathVariable String regionCode, @PathVariable int coverageYear,
                                           @Valid @RequestBody DraftRequest request,
                                           @AuthenticationPrincipal StaffPrincipal user) {
        PolicyVersion draft = policies.createDraft(regionCode, coverageYear, request.parameters(),
                request.provenance(), request.note(), user.userId());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequest().path("/{version}")
                .buildAndExpand(draft.version()).toUri()).body(view(draft));
    }

    @PutMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    PolicyView reviseDraft(@PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version,
                           @Valid @RequestBody DraftRequest request) {
        return view(policies.reviseDraft(regionCode, coverageYear, version, request.parameters(), request.provenance(),
                request.note()));
    }

    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}/activation")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    PolicyView activate(@PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version,
                        @RequestBody ActivationRequest request, @AuthenticationPrincipal StaffPrincipal user) {
        return view(policies.activate(regionCode, coverageYear, version, request.approvingRequestRef(), user.userId()));
    }

    private PolicyView view(PolicyVersion v) {
        Region region = policies.region(v.regionCode());
        List<Figure> figures = ParameterPaths.leaves(v.parameters()).entrySet().stream().map(e -> {
            Provenance p = v.provenance().get(e.getKey());
            return p == null ? new Figure(e.getKey(), e.getValue(), null, null, null, false, null)
                    : new Figure(e.getKey(), e.getValue(), p.ruleId(), p.source(), p.clause(), p.confirmed(), p.label());
        }).toList();
        return new PolicyView(v.regionCode(), region.name(), v.coverageYear(), v.version(), v.status(),
                region.fiscalTier(), v.approvingRequestRef(), v.note(), v.createdAt(), v.createdBy(), v.activatedAt(),
                v.activatedBy(), v.supersededAt(), v.parameters(), figures);
    }

    private static VersionSummary summary(PolicyVersion v) {
        return new VersionSummary(v.version(), v.status(), v.approvingRequestRef(), v.note(), v.createdAt(),
                v.createdBy(), v.activatedAt(), v.activatedBy(), v.supersededAt());
    }
}
