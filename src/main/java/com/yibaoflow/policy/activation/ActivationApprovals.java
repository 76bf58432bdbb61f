package com.yibaoflow.policy.activation;

import java.util.Optional;

/**
 * R-MM-03: the approvals a policy version is activated by. {@link com.yibaoflow.policy.PolicyService#activate} asks
 * every implementation for the approval the current transaction holds for a request; without one the activation is
 * refused (409). An implementation answers only for an approved request that is concluding in the calling
 * transaction, so neither an API call nor another module's service call can activate a version with it.
 */
public interface ActivationApprovals {

    /** The approval of the named request (its document number), if that request is approved and concluding now. */
    Optional<ActivationApproval> concluding(String approvingRequest);
}
