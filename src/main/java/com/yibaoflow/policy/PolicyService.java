package com.yibaoflow.policy;

import com.yibaoflow.policy.activation.ActivationApproval;
import com.yibaoflow.policy.activation.ActivationApprovals;
import com.yibaoflow.policy.calc.ParameterPaths;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.Regions;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one facade of the policy module: regions, versioned parameter sets, and the snapshot every calculation reads.
 * Snapshots are cached per version id ({@link PolicySnapshots}); a version never changes its figures once active.
 */
@Service
public class PolicyService {

    private final Regions regions;
    private final PolicyVersions versions;
    private final NationalFloors floors;
    private final PolicyConfirmations confirmations;
    private final Clock clock;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final PolicySnapshots cached;
    private final FiguresDigest digest;
    private final List<ActivationApprovals> approvals;

    PolicyService(
            Regions regions,
            PolicyVersions versions,
            NationalFloors floors,
            PolicyConfirmations confirmations,
            Clock clock,
            PolicySnapshots cached,
            FiguresDigest digest,
            List<ActivationApprovals> approvals) {
        this.digest = digest;
        this.approvals = List.copyOf(approvals);
        this.confirmations = confirmations;
        this.cached = cached;
        this.regions = regions;
        this.versions = versions;
        this.floors = floors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Region> regions() {
        return regions.findAllByOrderByCode();
    }

    @Transactional(readOnly = true)
    public Region region(String regionCode) {
        return regions.findById(regionCode)
                .orElseThrow(() -> DomainException.notFound("No region with code " + regionCode));
    }

    /**
     * The active parameter set of a region and coverage year (404 if the region or an active set is missing). Every
     * case step asks for it; while both the active version's id and its snapshot are cached the answer needs no
     * transaction (an API intake asks before its own transaction begins).
     */
    public PolicySnapshot activeSnapshot(String regionCode, int coverageYear) {
        return cached.load(cached.activeVersionId(regionCode, coverageYear)).snapshot();
    }

    /** The snapshot of one version, active or not (a case keeps the version its figures came from). */
    public PolicySnapshot snapshot(String regionCode, int coverageYear, int version) {
        return cached.load(cached.versionId(regionCode, coverageYear, version)).snapshot();
    }

    @Transactional(readOnly = true)
    public PolicyVersion active(String regionCode, int coverageYear) {
        region(regionCode);
        return versions.findByRegionCodeAndCoverageYearAndStatus(regionCode, coverageYear, PolicyStatus.ACTIVE)
                .orElseThrow(() -> DomainException.notFound(
                        "No active policy parameters for region " + regionCode + " and coverage year " + coverageYear));
    }

    @Transactional(readOnly = true)
    public List<PolicyVersion> versions(String regionCode, int coverageYear) {
        region(regionCode);
        List<PolicyVersion> all = versions.findByRegionCodeAndCoverageYearOrderByVersion(regionCode, coverageYear);
        if (all.isEmpty()) {
            throw DomainException.notFound(
                    "No policy parameters for region " + regionCode + " and coverage year " + coverageYear);
        }
        return all;
    }

    @Transactional(readOnly = true)
    public PolicyVersion version(String regionCode, int coverageYear, int version) {
        region(regionCode);
        return versions.findByRegionCodeAndCoverageYearAndVersion(regionCode, coverageYear, version)
                .orElseThrow(() -> DomainException.notFound("No version " + version
                        + " of the policy parameters for region " + regionCode + " and coverage year " + coverageYear));
    }

    /** All active sets, e.g. to list the coverage years a region runs. */
    @Transactional(readOnly = true)
    public List<PolicyVersion> activeVersions() {
        return versions.findByStatusOrderByRegionCodeAscCoverageYearAsc(PolicyStatus.ACTIVE);
    }

    /** A new DRAFT version: validated in full, including the national floors (R-FUND-03); warnings recorded. */
    @Transactional
    public PolicyVersion createDraft(
            String regionCode,
            int coverageYear,
            PolicyParameters parameters,
            Map<String, Provenance> provenance,
            String note,
            String userId) {
        Region region = region(regionCode);
        List<PolicyWarning> warnings = PolicyParametersValidator.validate(
                region, coverageYear, parameters, provenance, floors.findById(coverageYear));
        int next = versions.maxVersion(regionCode, coverageYear) + 1;
        try {
            PolicyVersion draft = new PolicyVersion(
                    regionCode, coverageYear, next, parameters, provenance, note, clock.instant(), userId);
            draft.recordWarnings(warnings);
            return versions.saveAndFlush(draft);
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict(
                    "Another version of " + regionCode + "/" + coverageYear
                            + " was created at the same time; try again",
                    Map.of());
        }
    }

    /** Replaces the figures of a DRAFT; an active or superseded version is immutable (409). */
    @Transactional
    public PolicyVersion reviseDraft(
            String regionCode,
            int coverageYear,
            int version,
            PolicyParameters parameters,
            Map<String, Provenance> provenance,
            String note) {
        Region region = region(regionCode);
        PolicyVersion draft = lock(regionCode, coverageYear, version);
        requireDraft(draft);
        List<PolicyWarning> warnings = PolicyParametersValidator.validate(
                region, coverageYear, parameters, provenance, floors.findById(coverageYear));
        draft.revise(parameters, provenance, note);
        draft.recordWarnings(warnings);
        return draft;
    }

    /**
     * The SHA-256 digest of a version's figures, as a major-matter request that names the version records it when it
     * is submitted (R-MM-03: the request approves the figures it saw). Canonical JSON of the parameters, see
     * {@link FiguresDigest}.
     */
    @Transactional(readOnly = true)
    public String figuresDigest(String regionCode, int coverageYear, int version) {
        return digest.of(version(regionCode, coverageYear, version).parameters());
    }

    /**
     * Activates the DRAFT version an approved major-matter request names and supersedes the active version, in the
     * caller's transaction. R-MM-03, the gate: the request must be approved and concluding in this very transaction
     * (its process's last step, see {@link ActivationApprovals}), and the draft must still have the figures the
     * request approved (their digest); otherwise 409 with the reason. Called again for a version the same request
     * activated already, it answers that version and changes nothing (the step may be retried).
     */
    @Transactional
    public PolicyVersion activate(String approvingRequest, String userId) {
        if (approvingRequest == null || approvingRequest.isBlank()) {
            throw gate(
                    "A policy version is activated only by the approved major-matter request that names it "
                            + "(R-MM-03); no request was named",
                    Map.of());
        }
        String request = approvingRequest.strip();
        ActivationApproval approval = approvals.stream()
                .map(a -> a.concluding(request))
                .flatMap(Optional::stream)
                .findFirst()
                .orElseThrow(() -> gate(
                        "A policy version is activated only by an approved major-matter request, as the last step "
                                + "of that request (R-MM-03); " + request
                                + " is not an approved request concluding now",
                        Map.of("approvingRequest", request)));
        PolicyVersion draft = lock(approval.regionCode(), approval.coverageYear(), approval.version());
        if (draft.status() == PolicyStatus.ACTIVE && request.equals(draft.approvingRequestRef())) {
            return draft; // activated by this request already: the retried step changes nothing
        }
        requireDraft(draft);
        if (!digest.of(draft.parameters()).equals(approval.figuresDigest())) {
            throw gate(
                    "Policy version " + draft.label() + " was changed after " + request
                            + " was submitted for approval: the request approved other figures (R-MM-03). "
                            + "A new request must approve the draft as it is now",
                    Map.of("approvingRequest", request, "version", draft.label()));
        }
        cached.activeVersionsChanged(); // takes effect when this transaction commits
        Region region = region(draft.regionCode());
        // a year without national floors on record is activated, and the warning saying so stays on the version
        List<PolicyWarning> warnings = PolicyParametersValidator.validate(
                region,
                draft.coverageYear(),
                draft.parameters(),
                draft.provenance(),
                floors.findById(draft.coverageYear()));
        draft.recordWarnings(warnings);
        versions.findByRegionCodeAndCoverageYearAndStatus(draft.regionCode(), draft.coverageYear(), PolicyStatus.ACTIVE)
                .ifPresent(current -> {
                    current.supersede(clock.instant());
                    versions.saveAndFlush(current);
                });
        draft.activate(request, clock.instant(), userId);
        return versions.saveAndFlush(draft);
    }

    private static DomainException gate(String detail, Map<String, Object> properties) {
        Map<String, Object> all = new java.util.HashMap<>(properties);
        all.put("ruleId", "R-MM-03");
        return DomainException.conflict(detail, all);
    }

    /** The local confirmations of a version's figures, by parameter path. */
    @Transactional(readOnly = true)
    public List<PolicyConfirmation> confirmations(PolicyVersion version) {
        return confirmations.findByPolicyVersionIdOrderByParameterPath(version.id());
    }

    /**
     * Records that an office confirmed an EXTERNAL or SAMPLE figure of a version by its own document. The figure and
     * its provenance stay as they are (the version may be active and is immutable); the confirmation is attached to
     * it. A SEED figure needs none (400), a path that is no figure of the version is a 400 naming the field, and a
     * figure confirmed once is not confirmed again (409).
     */
    @Transactional
    public PolicyConfirmation confirm(
            String regionCode,
            int coverageYear,
            int version,
            String parameterPath,
            String documentNumber,
            LocalDate documentDate,
            String userId) {
        PolicyVersion target = version(regionCode, coverageYear, version);
        List<DomainException.FieldError> errors = new ArrayList<>();
        Provenance provenance =
                parameterPath == null ? null : target.provenance().get(parameterPath);
        if (parameterPath == null || parameterPath.isBlank()) {
            errors.add(new DomainException.FieldError("parameterPath", "is required"));
        } else if (provenance == null
                || !ParameterPaths.leaves(target.parameters()).containsKey(parameterPath)) {
            errors.add(new DomainException.FieldError(
                    "parameterPath", "is not a figure of " + target.label() + ": " + parameterPath));
        } else if (provenance.state() == ProvenanceState.SEED) {
            errors.add(new DomainException.FieldError(
                    "parameterPath",
                    parameterPath + " is a SEED figure (" + provenance.label() + "); only EXTERNAL and SAMPLE "
                            + "figures are confirmed by a local document"));
        }
        if (documentNumber == null || documentNumber.isBlank()) {
            errors.add(new DomainException.FieldError("documentNumber", "is required"));
        } else if (documentNumber.strip().length() > 100) {
            errors.add(new DomainException.FieldError("documentNumber", "must be at most 100 characters"));
        }
        if (documentDate == null) {
            errors.add(new DomainException.FieldError("documentDate", "is required"));
        } else if (documentDate.isAfter(LocalDate.now(clock.withZone(SHANGHAI)))) {
            errors.add(new DomainException.FieldError("documentDate", "must not be in the future"));
        }
        if (!errors.isEmpty()) {
            throw DomainException.validation(errors);
        }
        if (confirmations.existsByPolicyVersionIdAndParameterPath(target.id(), parameterPath)) {
            throw DomainException.conflict(
                    parameterPath + " of " + target.label() + " is already confirmed",
                    Map.of("parameterPath", parameterPath));
        }
        try {
            return confirmations.saveAndFlush(new PolicyConfirmation(
                    target.id(), parameterPath, documentNumber.strip(), documentDate, userId, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict(
                    parameterPath + " of " + target.label() + " is already confirmed",
                    Map.of("parameterPath", parameterPath));
        }
    }

    private PolicyVersion lock(String regionCode, int coverageYear, int version) {
        region(regionCode);
        return versions.lockVersion(regionCode, coverageYear, version)
                .orElseThrow(() -> DomainException.notFound("No version " + version
                        + " of the policy parameters for region " + regionCode + " and coverage year " + coverageYear));
    }

    private static void requireDraft(PolicyVersion version) {
        if (version.status() != PolicyStatus.DRAFT) {
            throw DomainException.conflict(
                    "Policy version " + version.label() + " is " + version.status()
                            + " and immutable; a change is a new version",
                    Map.of("status", version.status().name()));
        }
    }
}
