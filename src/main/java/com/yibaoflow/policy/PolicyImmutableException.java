package com.yibaoflow.policy;

/** A change to a policy version that is no longer a draft. */
public class PolicyImmutableException extends RuntimeException {

    PolicyImmutableException(PolicyVersion version) {
        super("Policy version " + version.label() + " is " + version.status()
                + " and immutable; a change is a new version");
    }
}
