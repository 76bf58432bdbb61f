package com.yibaoflow.hardship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One person's hardship identity verification for a coverage year (困难身份认定): the claims and the result. */
@Entity
@Table(name = "hardship_verification")
public class HardshipVerification {

    public enum Status {
        OPEN,
        COMPLETED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "business_key", nullable = false, updatable = false)
    private String businessKey;

    @Column(name = "id_number", nullable = false, updatable = false)
    private String idNumber;

    @Column(name = "person_name", nullable = false)
    private String personName;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "coverage_year", nullable = false, updatable = false)
    private int coverageYear;

    @Column(name = "enrollment_case_id", updatable = false)
    private Long enrollmentCaseId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "verified_categories", nullable = false)
    private List<String> verifiedCategories = new ArrayList<>();

    @Column(name = "applied_category")
    private String appliedCategory;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    protected HardshipVerification() {}

    HardshipVerification(
            String businessKey,
            String idNumber,
            String personName,
            String regionCode,
            int coverageYear,
            Long enrollmentCaseId,
            String processInstanceId,
            Instant createdAt) {
        this.businessKey = businessKey;
        this.idNumber = idNumber;
        this.personName = personName;
        this.regionCode = regionCode;
        this.coverageYear = coverageYear;
        this.enrollmentCaseId = enrollmentCaseId;
        this.processInstanceId = processInstanceId;
        this.status = Status.OPEN;
        this.createdAt = createdAt;
    }

    void complete(List<String> verified, String applied, Instant now) {
        this.verifiedCategories = new ArrayList<>(verified);
        this.appliedCategory = applied;
        this.status = Status.COMPLETED;
        this.completedAt = now;
    }

    public Long id() {
        return id;
    }

    public String businessKey() {
        return businessKey;
    }

    public String idNumber() {
        return idNumber;
    }

    public String personName() {
        return personName;
    }

    public String regionCode() {
        return regionCode;
    }

    public int coverageYear() {
        return coverageYear;
    }

    public Long enrollmentCaseId() {
        return enrollmentCaseId;
    }

    public Status status() {
        return status;
    }

    public List<String> verifiedCategories() {
        return verifiedCategories;
    }

    public String appliedCategory() {
        return appliedCategory;
    }

    public String processInstanceId() {
        return processInstanceId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant completedAt() {
        return completedAt;
    }
}
