package com.yibaoflow.policy;

import com.yibaoflow.region.Regions;
import com.yibaoflow.shared.problem.DomainException;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A version about to change (revised or activated), locked for the transaction; only a DRAFT may change. */
@Component
class VersionLocks {

    private final Regions regions;
    private final PolicyVersions versions;

    VersionLocks(Regions regions, PolicyVersions versions) {
        this.regions = regions;
        this.versions = versions;
    }

    PolicyVersion lock(String regionCode, int coverageYear, int version) {
        regions.findById(regionCode).orElseThrow(() -> DomainException.notFound("No region with code " + regionCode));
        return versions.lockVersion(regionCode, coverageYear, version)
                .orElseThrow(() -> DomainException.notFound("No version " + version
                        + " of the policy parameters for region " + regionCode + " and coverage year " + coverageYear));
    }

    static void requireDraft(PolicyVersion version) {
        if (version.status() != PolicyStatus.DRAFT) {
            throw DomainException.conflict(
                    "Policy version " + version.label() + " is " + version.status()
                            + " and immutable; a change is a new version",
                    Map.of("status", version.status().name()));
        }
    }
}
