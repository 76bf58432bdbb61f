package com.yibaoflow.enrollment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An unpaid case nears its payment deadline: its township should remind the resident. Not a {@code CaseEvent}:
 * the case history has never shown reminders, it is a prompt for the township, not a fact about the case.
 */
public record PaymentReminderDue(
        String businessKey,
        String name,
        String idNumberMasked,
        String regionCode,
        String township,
        int coverageYear,
        BigDecimal personalDue,
        LocalDate paymentDeadline) {}
