package com.yibaoflow.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * Why a case went to a caseworker's review, and why it was rejected if it was. Columns of {@code enrollment_case};
 * read through {@link ReviewDetails}.
 */
@Embeddable
class CaseReview {

    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class) // replaced, never changed in place (see CaseApplicant)
    @Column(name = "review_reasons", nullable = false)
    List<String> reviewReasons = List.of();

    @Column(name = "rejection_reason")
    String rejectionReason;

    @Column(name = "rejection_detail")
    String rejectionDetail;

    void reasons(List<String> reasons) {
        this.reviewReasons = List.copyOf(reasons);
    }

    void rejected(String reason, String detail) {
        this.rejectionReason = reason;
        this.rejectionDetail = detail;
    }
}
