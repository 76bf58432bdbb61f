package com.yibaoflow.enrollment;

import java.util.Collections;
import java.util.List;

/** Why an {@link EnrollmentCase} was reviewed or rejected, read-only ({@link CaseReview} holds it). */
public interface ReviewDetails {

    /** The part of the case these details read. */
    CaseReview review();

    default List<String> reviewReasons() {
        return Collections.unmodifiableList(review().reviewReasons());
    }

    default String rejectionReason() {
        return review().rejectionReason;
    }

    default String rejectionDetail() {
        return review().rejectionDetail;
    }
}
