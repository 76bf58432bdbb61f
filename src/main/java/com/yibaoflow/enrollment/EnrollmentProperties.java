package com.yibaoflow.enrollment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Office practice around enrollment (not policy: policy figures are versioned parameters).
 *
 * @param paymentReminderDaysBefore the township is reminded of an unpaid case this many days before the deadline
 * @param latePaymentDays           an application taken outside the collection period may be paid within this many
 *                                  days (never after the coverage year ends)
 * @param reviewWorkingDays         a review falls due after this many working days (issue #4 §6: 3)
 * @param paymentSweepBatchSize     the payment deadline sweep signals at most this many cases a transaction
 */
@ConfigurationProperties("yibaoflow.enrollment")
record EnrollmentProperties(
        Integer paymentReminderDaysBefore,
        Integer latePaymentDays,
        Integer reviewWorkingDays,
        Integer paymentSweepBatchSize) {

    public EnrollmentProperties {
        paymentReminderDaysBefore = paymentReminderDaysBefore == null ? 7 : paymentReminderDaysBefore;
        latePaymentDays = latePaymentDays == null ? 30 : latePaymentDays;
        reviewWorkingDays = reviewWorkingDays == null ? 3 : reviewWorkingDays;
        paymentSweepBatchSize = paymentSweepBatchSize == null ? 500 : paymentSweepBatchSize;
        if (paymentSweepBatchSize < 1) {
            throw new IllegalArgumentException("yibaoflow.enrollment.payment-sweep-batch-size must be at least 1");
        }
    }
}
