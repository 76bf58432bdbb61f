/**
 * The policy gate's port (R-MM-03): how the policy module learns that a version may become active. Another module
 * (escalation, the major-matter process) implements {@link com.yibaoflow.policy.activation.ActivationApprovals}; the
 * policy module depends on nothing but this interface.
 */
@org.springframework.modulith.NamedInterface("activation")
package com.yibaoflow.policy.activation;
