package com.yibaoflow.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment confirmation from the tax bureau (税务部门), kept whatever its outcome: the reference makes a repeated
 * confirmation idempotent, and a wrong amount stays on record for the audit.
 *
 * <p>Written by {@link PaymentRows} in plain SQL (an accept is a hot path); read here. A payment accepted before its
 * case's process heard of it can still become an overpayment ({@link PaymentCorrelations}), so the outcome and its
 * detail are written by SQL only.
 */
@Entity
@Table(name = "payment")
public class Payment {

    public enum Channel {
        WECHAT,
        ALIPAY,
        WANSHITONG,
        AGENT,
        TAX_HALL
    }

    public enum Outcome {
        ACCEPTED,
        WRONG_AMOUNT,
        /** A second payment for a case already paid or enrolled: kept, listed for the tax bureau to refund. */
        OVERPAID
    }

    @Id
    @Column(name = "payment_reference")
    private String paymentReference;

    @Column(name = "case_id", updatable = false)
    private Long caseId;

    @Column(name = "id_number", nullable = false, updatable = false)
    private String idNumber;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "coverage_year", nullable = false, updatable = false)
    private int coverageYear;

    @Column(nullable = false, updatable = false)
    private BigDecimal amount;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "paid_at", nullable = false, updatable = false)
    private Instant paidAt;

    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Outcome outcome;

    @Column(updatable = false)
    private String detail;

    protected Payment() {}

    Payment(
            String paymentReference,
            Long caseId,
            String idNumber,
            String regionCode,
            int coverageYear,
            BigDecimal amount,
            Channel channel,
            Instant paidAt,
            Instant receivedAt,
            Outcome outcome,
            String detail) {
        this.paymentReference = paymentReference;
        this.caseId = caseId;
        this.idNumber = idNumber;
        this.regionCode = regionCode;
        this.coverageYear = coverageYear;
        this.amount = amount;
        this.channel = channel;
        this.paidAt = paidAt;
        this.receivedAt = receivedAt;
        this.outcome = outcome;
        this.detail = detail;
    }

    /** Same confirmation as this one (a retry), as opposed to a different payment reusing the reference. */
    boolean sameAs(
            String idNumber, String regionCode, int coverageYear, BigDecimal amount, Channel channel, Instant paidAt) {
        return this.idNumber.equals(idNumber)
                && this.regionCode.equals(regionCode)
                && this.coverageYear == coverageYear
                && this.amount.compareTo(amount) == 0
                && this.channel == channel
                && this.paidAt.equals(paidAt);
    }

    public String paymentReference() {
        return paymentReference;
    }

    public Long caseId() {
        return caseId;
    }

    public String idNumber() {
        return idNumber;
    }

    public String regionCode() {
        return regionCode;
    }

    public int coverageYear() {
        return coverageYear;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Channel channel() {
        return channel;
    }

    public Instant paidAt() {
        return paidAt;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Outcome outcome() {
        return outcome;
    }

    public String detail() {
        return detail;
    }
}
