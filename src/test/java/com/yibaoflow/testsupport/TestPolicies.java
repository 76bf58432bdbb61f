package com.yibaoflow.testsupport;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyStatus;
import com.yibaoflow.shared.problem.DomainException;

/** Active parameter sets for regions other than Dongzhi, copied from Dongzhi 2025, for tests that need them. */
public final class TestPolicies {

    private TestPolicies() {}

    public static synchronized void ensureActive(PolicyService policies, String regionCode, int coverageYear) {
        boolean active;
        try {
            active = policies.versions(regionCode, coverageYear).stream()
                    .anyMatch(v -> v.status() == PolicyStatus.ACTIVE);
        } catch (DomainException none) {
            active = false;
        }
        if (!active) {
            var dongzhi = policies.active("341721", 2025);
            var draft = policies.createDraft(
                    regionCode,
                    coverageYear,
                    dongzhi.parameters(),
                    dongzhi.provenance(),
                    "test copy of Dongzhi 2025",
                    "test");
            // R-MM-03: the only way a version becomes active, a request approved at every level
            MajorMatterRequests.activate(regionCode, coverageYear, draft.version());
        }
    }
}
