package com.yibaoflow.policy;

import com.yibaoflow.policy.activation.ActivationApprovals;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.Regions;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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
    private final Clock clock;
    private final PolicySnapshots cached;
    private final FiguresDigest digest;
    private final VersionLocks locks;
    private final PolicyActivation activation;

    PolicyService(
            Regions regions,
            PolicyVersions versions,
            NationalFloors floors,
            Clock clock,
            PolicySnapshots cached,
            FiguresDigest digest,
            VersionLocks locks,
            PolicyActivation activation) {
        this.regions = regions;
        this.versions = versions;
        this.floors = floors;
        this.clock = clock;
        this.cached = cached;
        this.digest = digest;
        this.locks = locks;
        this.activation = activation;
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
        PolicyVersion draft = locks.lock(regionCode, coverageYear, version);
        VersionLocks.requireDraft(draft);
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
    public PolicyVersion activate(String approvingRequest, String userId) {
        return activation.activate(approvingRequest, userId);
    }
}
