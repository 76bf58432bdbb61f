package com.yibaoflow.hardship;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One claimed category within a verification, and its source once decided: the roster version that lists the
 * person, or the department user who verified or refused it.
 */
@Entity
@Table(name = "hardship_claim")
public class HardshipClaim {

    public enum Status {
        PENDING,
        VERIFIED,
        REFUSED
    }

    public enum Source {
        ROSTER,
        DEPARTMENT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "verification_id", nullable = false, updatable = false)
    private Long verificationId;

    @Column(nullable = false, updatable = false)
    private String category;

    @Column(nullable = false, updatable = false)
    private String department;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Source source;

    @Column(name = "roster_version_id")
    private Long rosterVersionId;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "refusal_reason")
    private String refusalReason;

    @Column(name = "evidence_note")
    private String evidenceNote;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected HardshipClaim() {}

    HardshipClaim(Long verificationId, String category, String department) {
        this.verificationId = verificationId;
        this.category = category;
        this.department = department;
        this.status = Status.PENDING;
    }

    void verifiedByRoster(long rosterVersionId, Instant now) {
        this.status = Status.VERIFIED;
        this.source = Source.ROSTER;
        this.rosterVersionId = rosterVersionId;
        this.decidedBy = "roster";
        this.decidedAt = now;
    }

    void decidedByDepartment(boolean verified, String userId, String refusalReason, String evidenceNote, Instant now) {
        this.status = verified ? Status.VERIFIED : Status.REFUSED;
        this.source = Source.DEPARTMENT;
        this.decidedBy = userId;
        this.refusalReason = verified ? null : refusalReason;
        this.evidenceNote = evidenceNote;
        this.decidedAt = now;
    }

    public Long id() {
        return id;
    }

    public Long verificationId() {
        return verificationId;
    }

    public String category() {
        return category;
    }

    public String department() {
        return department;
    }

    public Status status() {
        return status;
    }

    public Source source() {
        return source;
    }

    public Long rosterVersionId() {
        return rosterVersionId;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String refusalReason() {
        return refusalReason;
    }

    public String evidenceNote() {
        return evidenceNote;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
