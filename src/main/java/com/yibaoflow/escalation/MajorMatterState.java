package com.yibaoflow.escalation;

/** Where a request stands; kept in step with its process by {@link MajorMatterRecords}. */
enum MajorMatterState {
    /** Waiting for a level's decision or opinion. */
    IN_REVIEW,
    /** Returned to the drafter for revision (退回). */
    RETURNED,
    /** Approved, waiting for the national filing (R-MM-01). */
    FILING,
    APPROVED,
    REJECTED,
    /** A report, acknowledged at every level (R-MM-05). */
    ACKNOWLEDGED,
    /** Outside local powers, refused before anyone's task (R-MM-04). */
    REFUSED,
    WITHDRAWN,
    /** Ended at an end event this module does not know. */
    CLOSED;

    boolean open() {
        return this == IN_REVIEW || this == RETURNED || this == FILING;
    }
}
