package com.yibaoflow.enrollment;

/** Why a case was rejected: by an automatic check, or by a caseworker's review (the review's reason codes). */
enum RejectionReason {
    /** GB 11643 check failed, or the name is missing. */
    INVALID_IDENTITY,
    /** R-ELIG-02: insured in employee insurance for the same period. */
    EMPLOYEE_INSURED,
    /** R-ELIG-02: enrolled in resident insurance elsewhere for the coverage year. */
    ENROLLED_ELSEWHERE,
    /** The region has no active policy parameters for the coverage year (Tasklist door only; the API refuses). */
    NO_ACTIVE_POLICY,
    /** The coverage year is over: nothing left to enroll in. */
    COVERAGE_YEAR_OVER,
    /** Review: the residence category does not qualify (R-ELIG-01). */
    NOT_ELIGIBLE_RESIDENCE,
    /** Review: required documents are missing. */
    DOCUMENTS_MISSING,
    /** Review: another reason, in the comment. */
    OTHER
}
