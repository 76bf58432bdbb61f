package com.yibaoflow.policy;

/** DRAFT → ACTIVE → SUPERSEDED; a set is immutable once it leaves DRAFT. */
public enum PolicyStatus {
    DRAFT,
    ACTIVE,
    SUPERSEDED
}
