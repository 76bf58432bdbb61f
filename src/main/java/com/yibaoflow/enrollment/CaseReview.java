package com.yibaoflow.enrollment;

import com.yibaoflow.shared.json.JsonText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;

/**
 * Why a case went to a caseworker's review, and why it was rejected if it was. Columns of {@code enrollment_case};
 * read through {@link ReviewDetails}.
 */
@Embeddable
class CaseReview {

    @Mutability(Immutability.class) // replaced, never changed in place (see CaseApplicant)
    @ColumnTransformer(write = JsonText.AS_JSONB)
    @Column(name = "review_reasons", nullable = false)
    JsonText reviewReasons = CaseJson.none(CaseJson.CODES);

    @Column(name = "rejection_reason")
    String rejectionReason;

    @Column(name = "rejection_detail")
    String rejectionDetail;

    void reasons(List<String> reasons) {
        this.reviewReasons = CaseJson.set(reviewReasons, reasons, CaseJson.CODES);
    }

    List<String> reviewReasons() {
        return reviewReasons.value(CaseJson.CODES);
    }

    void rejected(String reason, String detail) {
        this.rejectionReason = reason;
        this.rejectionDetail = detail;
    }
}
