package com.yibaoflow.enrollment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The fact the rest of the system asks about (issue #4 §8): this person is covered in this region for this
 * coverage year, from the benefit start date (after any waiting period, R-WAIT-05) to the end of the coverage year.
 * Written once, when the enrollment completes.
 */
@Entity
@Table(name = "coverage")
class Coverage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false, updatable = false)
    private Long caseId;

    @Column(name = "id_number", nullable = false, updatable = false)
    private String idNumber;

    @Column(nullable = false, updatable = false)
    private String name;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "coverage_year", nullable = false, updatable = false)
    private int coverageYear;

    @Column(name = "applied_category", updatable = false)
    private String appliedCategory;

    @Column(name = "individual_standard", nullable = false, updatable = false)
    private BigDecimal individualStandard;

    @Column(nullable = false, updatable = false)
    private BigDecimal subsidy;

    @Column(name = "personal_paid", nullable = false, updatable = false)
    private BigDecimal personalPaid;

    @Column(name = "payment_reference", updatable = false)
    private String paymentReference;

    @Column(name = "benefit_start_date", nullable = false, updatable = false)
    private LocalDate benefitStartDate;

    @Column(name = "benefit_end_date", nullable = false, updatable = false)
    private LocalDate benefitEndDate;

    @Column(name = "covered_from_birth", nullable = false, updatable = false)
    private boolean coveredFromBirth;

    @Column(name = "payer_id_number", updatable = false)
    private String payerIdNumber;

    @Column(name = "payer_name", updatable = false)
    private String payerName;

    @Column(name = "payer_relationship", updatable = false)
    private String payerRelationship;

    @Column(name = "policy_version", nullable = false, updatable = false)
    private String policyVersion;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Coverage() {}

    Coverage(
            EnrollmentCase c,
            BigDecimal personalPaid,
            String paymentReference,
            LocalDate benefitStartDate,
            LocalDate benefitEndDate,
            boolean coveredFromBirth,
            Instant createdAt) {
        this.caseId = c.id();
        this.idNumber = c.idNumber();
        this.name = c.name();
        this.regionCode = c.regionCode();
        this.coverageYear = c.coverageYear();
        this.appliedCategory = c.appliedCategory();
        this.individualStandard = c.individualStandard();
        this.subsidy = c.subsidy();
        this.personalPaid = personalPaid;
        this.paymentReference = paymentReference;
        this.benefitStartDate = benefitStartDate;
        this.benefitEndDate = benefitEndDate;
        this.coveredFromBirth = coveredFromBirth;
        this.payerIdNumber = c.payerIdNumber();
        this.payerName = c.payerName();
        this.payerRelationship = c.payerRelationship();
        this.policyVersion = c.policyVersion();
        this.createdAt = createdAt;
    }

    public Long id() {
        return id;
    }

    public Long caseId() {
        return caseId;
    }

    public String idNumber() {
        return idNumber;
    }

    public String name() {
        return name;
    }

    public String regionCode() {
        return regionCode;
    }

    public int coverageYear() {
        return coverageYear;
    }

    public String appliedCategory() {
        return appliedCategory;
    }

    public BigDecimal individualStandard() {
        return individualStandard;
    }

    public BigDecimal subsidy() {
        return subsidy;
    }

    public BigDecimal personalPaid() {
        return personalPaid;
    }

    public String paymentReference() {
        return paymentReference;
    }

    public LocalDate benefitStartDate() {
        return benefitStartDate;
    }

    public LocalDate benefitEndDate() {
        return benefitEndDate;
    }

    public boolean coveredFromBirth() {
        return coveredFromBirth;
    }

    public String payerIdNumber() {
        return payerIdNumber;
    }

    public String payerName() {
        return payerName;
    }

    public String payerRelationship() {
        return payerRelationship;
    }

    public String policyVersion() {
        return policyVersion;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
