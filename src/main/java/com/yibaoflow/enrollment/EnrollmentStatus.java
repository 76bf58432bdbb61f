package com.yibaoflow.enrollment;

/** Where a case stands; the last four are end states (issue #4 §9). */
public enum EnrollmentStatus {
    RECEIVED,
    IN_REVIEW,
    AWAITING_PAYMENT,
    ENROLLED,
    REJECTED,
    LAPSED,
    WITHDRAWN
}
