package com.yibaoflow.policy.activation;

/**
 * What an approved request approved: one DRAFT version of a region and coverage year, with the SHA-256 digest of its
 * figures as the request saw them ({@link com.yibaoflow.policy.PolicyService#figuresDigest}).
 */
public record ActivationApproval(
        String approvingRequest, String regionCode, int coverageYear, int version, String figuresDigest) {}
