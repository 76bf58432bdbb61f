package com.yibaoflow.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.time.LocalDate;

/**
 * By when a case's contribution must be paid, and when the payment deadline sweep had the township remind the
 * resident (once a case). Columns of {@code enrollment_case}; read through {@link PaymentDueDetails}.
 */
@Embeddable
class CasePaymentDue {

    @Column(name = "payment_deadline")
    LocalDate paymentDeadline;

    @Column(name = "township_reminded_at")
    Instant townshipRemindedAt;
}
