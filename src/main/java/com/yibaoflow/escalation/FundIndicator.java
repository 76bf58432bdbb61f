package com.yibaoflow.escalation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A region's fund figures of one month (R-MM-06), with the months of expenditure the balance covers. */
@Entity
@Table(name = "fund_indicator")
class FundIndicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    /** The first day of the month. */
    @Column(nullable = false, updatable = false)
    private LocalDate month;

    @Column(nullable = false, updatable = false)
    private BigDecimal income;

    @Column(nullable = false, updatable = false)
    private BigDecimal expenditure;

    @Column(nullable = false, updatable = false)
    private BigDecimal balance;

    @Column(name = "months_covered", updatable = false)
    private BigDecimal monthsCovered;

    @Column(name = "threshold_months", nullable = false, updatable = false)
    private BigDecimal thresholdMonths;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected FundIndicator() {}

    FundIndicator(
            String regionCode,
            LocalDate month,
            BigDecimal income,
            BigDecimal expenditure,
            BigDecimal balance,
            BigDecimal thresholdMonths,
            String recordedBy,
            Instant recordedAt) {
        this.regionCode = regionCode;
        this.month = month;
        this.income = income;
        this.expenditure = expenditure;
        this.balance = balance;
        this.monthsCovered = FundCoverage.monthsCovered(balance, expenditure);
        this.thresholdMonths = thresholdMonths;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    boolean warns() {
        return FundCoverage.warns(monthsCovered, thresholdMonths);
    }

    Long id() {
        return id;
    }

    String regionCode() {
        return regionCode;
    }

    LocalDate month() {
        return month;
    }

    BigDecimal income() {
        return income;
    }

    BigDecimal expenditure() {
        return expenditure;
    }

    BigDecimal balance() {
        return balance;
    }

    BigDecimal monthsCovered() {
        return monthsCovered;
    }

    BigDecimal thresholdMonths() {
        return thresholdMonths;
    }

    String recordedBy() {
        return recordedBy;
    }

    Instant recordedAt() {
        return recordedAt;
    }
}
