package com.yibaoflow.policy;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.policy.calc.ParameterPaths;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.FiscalTier;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionLevel;
import com.yibaoflow.shared.problem.DomainException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
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
    private final RegionScope scope;

    PolicyController(PolicyService policies, RegionScope scope) {
        this.policies = policies;
        this.scope = scope;
    }

    record RegionView(
            String code,
            String name,
            RegionLevel level,
            String parentCode,
            FiscalTier fiscalTier,
            List<Integer> activeCoverageYears) {}

    /**
     * One figure: its provenance (rule, state SEED / EXTERNAL / SAMPLE, document and clause, and the label every
     * explanation shows) and, if an office confirmed it by its own document, that confirmation. {@code display} is
     * the label with the confirmation: "EXTERNAL: … — confirm locally" becomes "EXTERNAL: … — CONFIRMED by local
     * document 东医保〔2025〕3号 of 2025-02-01".
     */
    record Figure(
            String path,
            Object value,
            String ruleId,
            ProvenanceState state,
            String source,
            String clause,
            String provenance,
            ConfirmationView confirmation,
            String display) {}

    record ConfirmationView(
            String parameterPath,
            String documentNumber,
            LocalDate documentDate,
            String confirmedBy,
            Instant confirmedAt) {}

    record ConfirmationRequest(String parameterPath, String documentNumber, LocalDate documentDate) {}

    record PolicyView(
            String regionCode,
            String regionName,
            int coverageYear,
            int version,
            PolicyStatus status,
            FiscalTier fiscalTier,
            String approvingRequestRef,
            String note,
            Instant createdAt,
            String createdBy,
            Instant activatedAt,
            String activatedBy,
            Instant supersededAt,
            PolicyParameters parameters,
            List<Figure> figures,
            List<PolicyWarning> warnings) {}

    record VersionSummary(
            int version,
            PolicyStatus status,
            String approvingRequestRef,
            String note,
            Instant createdAt,
            String createdBy,
            Instant activatedAt,
            String activatedBy,
            Instant supersededAt,
            List<PolicyWarning> warnings) {}

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
    PolicyView active(@PathVariable String regionCode, @PathVariable int coverageYear) {
        return view(policies.active(regionCode, coverageYear));
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions")
    List<VersionSummary> versions(@PathVariable String regionCode, @PathVariable int coverageYear) {
        return policies.versions(regionCode, coverageYear).stream()
                .map(PolicyController::summary)
                .toList();
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}")
    PolicyView version(@PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version) {
        return view(policies.version(regionCode, coverageYear, version));
    }

    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    ResponseEntity<PolicyView> createDraft(
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
                .body(view(draft));
    }

    @PutMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    PolicyView reviseDraft(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @PathVariable int version,
            @Valid @RequestBody DraftRequest request) {
        return view(policies.reviseDraft(
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
    PolicyView activate(
            @PathVariable String regionCode,
            @PathVariable int coverageYear,
            @PathVariable int version,
            @Valid @RequestBody(required = false) ActivationRequest request,
            @AuthenticationPrincipal StaffPrincipal user) {
        policies.version(regionCode, coverageYear, version); // 404 for a version that does not exist
        return view(policies.activate(request == null ? null : request.approvingRequest(), user.userId()));
    }

    @PostMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}/confirmations")
    @PreAuthorize("hasAnyRole('medical-security-supervisors', 'camunda-admin')")
    ResponseEntity<ConfirmationView> confirm(
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
        PolicyConfirmation c = policies.confirm(
                regionCode,
                coverageYear,
                version,
                request.parameterPath(),
                request.documentNumber(),
                request.documentDate(),
                user.userId());
        return ResponseEntity.created(
                        ServletUriComponentsBuilder.fromCurrentRequest().build().toUri())
                .body(confirmationView(c));
    }

    @GetMapping("/api/policies/{regionCode}/{coverageYear}/versions/{version}/confirmations")
    List<ConfirmationView> confirmations(
            @PathVariable String regionCode, @PathVariable int coverageYear, @PathVariable int version) {
        return policies.confirmations(policies.version(regionCode, coverageYear, version)).stream()
                .map(PolicyController::confirmationView)
                .toList();
    }

    private PolicyView view(PolicyVersion v) {
        Region region = policies.region(v.regionCode());
        Map<String, PolicyConfirmation> confirmed =
                policies.confirmations(v).stream().collect(Collectors.toMap(PolicyConfirmation::parameterPath, c -> c));
        List<Figure> figures = ParameterPaths.leaves(v.parameters()).entrySet().stream()
                .map(e -> {
                    Provenance p = v.provenance().get(e.getKey());
                    if (p == null) {
                        return new Figure(e.getKey(), e.getValue(), null, null, null, null, null, null, null);
                    }
                    PolicyConfirmation c = confirmed.get(e.getKey());
                    return new Figure(
                            e.getKey(),
                            e.getValue(),
                            p.ruleId(),
                            p.state(),
                            p.source(),
                            p.clause(),
                            p.label(),
                            c == null ? null : confirmationView(c),
                            c == null ? p.label() : confirmedLabel(p, c));
                })
                .toList();
        return new PolicyView(
                v.regionCode(),
                region.name(),
                v.coverageYear(),
                v.version(),
                v.status(),
                region.fiscalTier(),
                v.approvingRequestRef(),
                v.note(),
                v.createdAt(),
                v.createdBy(),
                v.activatedAt(),
                v.activatedBy(),
                v.supersededAt(),
                v.parameters(),
                figures,
                v.warnings());
    }

    /** "EXTERNAL: [G] 国办发〔2024〕38号 … — CONFIRMED by local document 东医保〔2025〕3号 of 2025-02-01". */
    static String confirmedLabel(Provenance p, PolicyConfirmation c) {
        String origin = p.label();
        String suffix = " — confirm locally";
        if (origin.endsWith(suffix)) {
            origin = origin.substring(0, origin.length() - suffix.length());
        }
        return origin + " — CONFIRMED by local document " + c.documentNumber() + " of " + c.documentDate();
    }

    private static ConfirmationView confirmationView(PolicyConfirmation c) {
        return new ConfirmationView(
                c.parameterPath(), c.documentNumber(), c.documentDate(), c.confirmedBy(), c.confirmedAt());
    }

    private static VersionSummary summary(PolicyVersion v) {
        return new VersionSummary(
                v.version(),
                v.status(),
                v.approvingRequestRef(),
                v.note(),
                v.createdAt(),
                v.createdBy(),
                v.activatedAt(),
                v.activatedBy(),
                v.supersededAt(),
                v.warnings());
    }
}
