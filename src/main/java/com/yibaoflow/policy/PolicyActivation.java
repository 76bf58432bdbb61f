package com.yibaoflow.policy;

import com.yibaoflow.policy.activation.ActivationApproval;
import com.yibaoflow.policy.activation.ActivationApprovals;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.Regions;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-MM-03, the policy gate: a DRAFT becomes the active version only through the approved major-matter request that
 * names it, with the figures it approved; the version it replaces is superseded. Reached through
 * {@link PolicyService#activate}.
 */
@Service
class PolicyActivation {

    private final Regions regions;
    private final PolicyVersions versions;
    private final NationalFloors floors;
    private final Clock clock;
    private final PolicySnapshots cached;
    private final FiguresDigest digest;
    private final List<ActivationApprovals> approvals;
    private final VersionLocks locks;

    PolicyActivation(
            Regions regions,
            PolicyVersions versions,
            NationalFloors floors,
            Clock clock,
            PolicySnapshots cached,
            FiguresDigest digest,
            List<ActivationApprovals> approvals,
            VersionLocks locks) {
        this.regions = regions;
        this.versions = versions;
        this.floors = floors;
        this.clock = clock;
        this.cached = cached;
        this.digest = digest;
        this.approvals = List.copyOf(approvals);
        this.locks = locks;
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
        PolicyVersion draft = locks.lock(approval.regionCode(), approval.coverageYear(), approval.version());
        if (draft.status() == PolicyStatus.ACTIVE && request.equals(draft.approvingRequestRef())) {
            return draft; // activated by this request already: the retried step changes nothing
        }
        VersionLocks.requireDraft(draft);
        if (!digest.of(draft.parameters()).equals(approval.figuresDigest())) {
            throw gate(
                    "Policy version " + draft.label() + " was changed after " + request
                            + " was submitted for approval: the request approved other figures (R-MM-03). "
                            + "A new request must approve the draft as it is now",
                    Map.of("approvingRequest", request, "version", draft.label()));
        }
        cached.activeVersionsChanged(); // takes effect when this transaction commits
        Region region = regions.findById(draft.regionCode()).orElseThrow();
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
}
