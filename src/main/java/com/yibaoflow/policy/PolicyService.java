package com.yibaoflow.policy;

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

    PolicyService(
            Regions regions,
            PolicyVersions versions,
            NationalFloors floors,
            PolicyConfirmations confirmations,
            Clock clock,
            PolicySnapshots cached) {
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
     * Activates a DRAFT and supersedes the active version. R-MM-03: refused without the reference of the request
     * that approved the change (the major-matter process will check that the request is approved).
     */
    @Transactional
    public PolicyVersion activate(
            String regionCode, int coverageYear, int version, String approvingRequestRef, String userId) {
        cached.activeVersionsChanged(); // takes effect when this transaction commits
        if (approvingRequestRef == null || approvingRequestRef.isBlank()) {
            throw DomainException.ruleViolation(
                    "R-MM-03",
                    "approvingRequestRef",
                    "A policy change is activated only with the reference of the approved request (R-MM-03)");
        }
        PolicyVersion draft = lock(regionCode, coverageYear, version);
        requireDraft(draft);
        Region region = region(regionCode);
        // a year without national floors on record is activated, and the warning saying so stays on the version
        List<PolicyWarning> warnings = PolicyParametersValidator.validate(
                region, coverageYear, draft.parameters(), draft.provenance(), floors.findById(coverageYear));
        draft.recordWarnings(warnings);
        versions.findByRegionCodeAndCoverageYearAndStatus(regionCode, coverageYear, PolicyStatus.ACTIVE)
                .ifPresent(current -> {
                    current.supersede(clock.instant());
                    versions.saveAndFlush(current);
                });
        draft.activate(approvingRequestRef.trim(), clock.instant(), userId);
        return versions.saveAndFlush(draft);
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
