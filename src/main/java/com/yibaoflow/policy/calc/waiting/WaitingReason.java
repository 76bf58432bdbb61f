package com.yibaoflow.policy.calc.waiting;

/** Why a waiting period does or does not apply (R-WAIT-01, R-ELIG-03). */
public enum WaitingReason {
    /** R-ELIG-03: newborn paid within the grace days after birth, covered from birth. */
    NEWBORN_WITHIN_GRACE_PERIOD,
    /** R-WAIT-01: a residence group the region exempts ({@code waiting.exemptGroups}, other than NEWBORN). */
    EXEMPT_GROUP,
    /** R-WAIT-01: a verified hardship category the region exempts ({@code waiting.exemptCategories}). */
    EXEMPT_CATEGORY,
    /**
     * R-ELIG-02 (issue #17 item 6): a switch from employee insurance after a short interruption, where the region's
     * {@code waiting.employeeSwitch} treatment waives the waiting period.
     */
    EMPLOYEE_SWITCH,
    /** R-WAIT-01: paid in the collection period and covered the year before. */
    CONTINUOUS_ENROLLMENT,
    /** Reading: never covered before, paid in the collection period: no waiting period. */
    FIRST_ENROLLMENT_IN_COLLECTION_PERIOD,
    /** Reading: never covered before, paid outside the collection period: fixed months only. */
    FIRST_ENROLLMENT_OUTSIDE_COLLECTION_PERIOD,
    /** R-WAIT-01: covered the year before but paid outside the collection period: fixed months only. */
    PAID_OUTSIDE_COLLECTION_PERIOD,
    /** R-WAIT-01..04: one or more coverage years missed: fixed plus variable months. */
    COVERAGE_GAP,
    /**
     * Issue #17 item 4: never covered, counted by the region's {@code waiting.neverCovered} reading as having missed
     * the years since its start year: fixed plus variable months.
     */
    NEVER_COVERED_SINCE_START_YEAR
}
