package com.yibaoflow.enrollment;

import com.yibaoflow.shared.events.CaseEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The tax bureau confirmed a payment of the wrong amount (R-PAY): it is kept on record, the case keeps waiting. */
public record PaymentAmountMismatched(
        UUID eventId,
        Instant occurredAt,
        String businessKey,
        String paymentReference,
        BigDecimal amount,
        BigDecimal personalDue)
        implements CaseEvent {

    @Override
    public String ruleId() {
        return null;
    }

    @Override
    public String kind() {
        return "PAYMENT_WRONG_AMOUNT";
    }

    @Override
    public String summary() {
        return "税务缴费确认 " + paymentReference + " 金额 " + amount.toPlainString() + " 元与应缴 " + personalDue.toPlainString()
                + " 元不符，继续等待缴费";
    }

    @Override
    public String actor() {
        return "tax-bureau";
    }
}
