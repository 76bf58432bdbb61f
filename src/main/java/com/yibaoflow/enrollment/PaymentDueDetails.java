package com.yibaoflow.enrollment;

import java.time.Instant;
import java.time.LocalDate;

/** When an {@link EnrollmentCase}'s contribution is due, read-only ({@link CasePaymentDue} holds it). */
public interface PaymentDueDetails {

    /** The part of the case these details read. */
    CasePaymentDue paymentDue();

    default LocalDate paymentDeadline() {
        return paymentDue().paymentDeadline;
    }

    default Instant townshipRemindedAt() {
        return paymentDue().townshipRemindedAt;
    }
}
