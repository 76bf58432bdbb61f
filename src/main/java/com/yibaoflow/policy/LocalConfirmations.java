package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.ParameterPaths;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
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
 * Local confirmations: an office confirms an EXTERNAL or SAMPLE figure of a version by its own document (number and
 * date), recorded with who did it; the figure and its provenance state stay as they are. The version's snapshot is
 * read again, so every calculation after the confirmation carries it with the figure (explanation and
 * {@code provenance}); figures computed before keep what they were computed with.
 */
@Service
class LocalConfirmations {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final PolicyService policies;
    private final PolicyConfirmations confirmations;
    private final PolicySnapshots cached;
    private final Clock clock;

    LocalConfirmations(PolicyService policies, PolicyConfirmations confirmations, PolicySnapshots cached, Clock clock) {
        this.policies = policies;
        this.confirmations = confirmations;
        this.cached = cached;
        this.clock = clock;
    }

    /** The local confirmations of a version's figures, by parameter path. */
    @Transactional(readOnly = true)
    List<PolicyConfirmation> confirmations(PolicyVersion version) {
        return confirmations.findByPolicyVersionIdOrderByParameterPath(version.id());
    }

    /**
     * Records that an office confirmed an EXTERNAL or SAMPLE figure of a version by its own document. The figure and
     * its provenance stay as they are (the version may be active and is immutable); the confirmation is attached to
     * it. A SEED figure needs none (400), a path that is no figure of the version is a 400 naming the field, and a
     * figure confirmed once is not confirmed again (409).
     */
    @Transactional
    PolicyConfirmation confirm(
            String regionCode,
            int coverageYear,
            int version,
            String parameterPath,
            String documentNumber,
            LocalDate documentDate,
            String userId) {
        PolicyVersion target = policies.version(regionCode, coverageYear, version);
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
            PolicyConfirmation saved = confirmations.saveAndFlush(new PolicyConfirmation(
                    target.id(), parameterPath, documentNumber.strip(), documentDate, userId, clock.instant()));
            // calculations from now on carry the confirmation with the figure (when this transaction commits)
            cached.confirmationsChanged(target.id());
            return saved;
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict(
                    parameterPath + " of " + target.label() + " is already confirmed",
                    Map.of("parameterPath", parameterPath));
        }
    }
}
