package com.yibaoflow.escalation;

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
 * A major-matter request or report (重大事项请示报告), the system of record of the case: what was asked, by whom, its
 * document number, and where it stands. Its process ({@code major-matter-request}) moves it on; {@link
 * MajorMatterRecords} writes each move here.
 */
@Entity
@Table(name = "major_matter")
class MajorMatter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "matter_type", nullable = false, updatable = false)
    private MajorMatterType type;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String situation;

    @Column(nullable = false)
    private String proposal;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "drafted_by", nullable = false, updatable = false)
    private String draftedBy;

    @Column(name = "policy_region_code", updatable = false)
    private String policyRegionCode;

    @Column(name = "policy_coverage_year", updatable = false)
    private Integer policyCoverageYear;

    @Column(name = "policy_version", updatable = false)
    private Integer policyVersion;

    @Column(name = "document_number", nullable = false, updatable = false)
    private String documentNumber;

    @Column(name = "business_key", nullable = false, updatable = false)
    private String businessKey;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MajorMatterState state;

    @Enumerated(EnumType.STRING)
    @Column(name = "current_level")
    private MajorMatterLevel currentLevel;

    @Column(name = "waiting_since")
    private Instant waitingSince;

    @Column(nullable = false)
    private int round;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "refusal_reason")
    private String refusalReason;

    protected MajorMatter() {}

    MajorMatter(
            MajorMatterType type,
            String title,
            String situation,
            String proposal,
            String regionCode,
            String draftedBy,
            PolicyVersionRef policy,
            String documentNumber,
            Instant submittedAt) {
        this.type = type;
        this.title = title;
        this.situation = situation;
        this.proposal = proposal;
        this.regionCode = regionCode;
        this.draftedBy = draftedBy;
        if (policy != null) {
            this.policyRegionCode = policy.regionCode();
            this.policyCoverageYear = policy.coverageYear();
            this.policyVersion = policy.version();
        }
        this.documentNumber = documentNumber;
        this.businessKey = MajorMatterProcess.businessKey(regionCode, documentNumber);
        this.state = MajorMatterState.IN_REVIEW;
        this.currentLevel = MajorMatterLevel.COUNTY;
        this.waitingSince = submittedAt;
        this.round = 1;
        this.submittedAt = submittedAt;
    }

    /** The DRAFT policy version a request asks to activate (R-MM-03). */
    record PolicyVersionRef(String regionCode, int coverageYear, int version) {

        String label() {
            return regionCode + " " + coverageYear + "年度 第" + version + "版";
        }
    }

    void started(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** A level's task was created: the request waits there from now on (unless it already waited at that level). */
    void waitsAt(MajorMatterLevel level, MajorMatterState state, int round, Instant now) {
        if (level != this.currentLevel || state != this.state || this.waitingSince == null) {
            this.waitingSince = now;
        }
        this.currentLevel = level;
        this.state = state;
        this.round = round;
    }

    void revised(String situation, String proposal) {
        if (situation != null) {
            this.situation = situation;
        }
        if (proposal != null) {
            this.proposal = proposal;
        }
    }

    void closed(MajorMatterState state, String refusalReason, Instant now) {
        this.state = state;
        this.refusalReason = refusalReason;
        this.currentLevel = null;
        this.waitingSince = null;
        this.closedAt = now;
    }

    Long id() {
        return id;
    }

    MajorMatterType type() {
        return type;
    }

    String title() {
        return title;
    }

    String situation() {
        return situation;
    }

    String proposal() {
        return proposal;
    }

    String regionCode() {
        return regionCode;
    }

    String draftedBy() {
        return draftedBy;
    }

    PolicyVersionRef policy() {
        return policyRegionCode == null
                ? null
                : new PolicyVersionRef(policyRegionCode, policyCoverageYear, policyVersion);
    }

    String documentNumber() {
        return documentNumber;
    }

    String businessKey() {
        return businessKey;
    }

    String processInstanceId() {
        return processInstanceId;
    }

    MajorMatterState state() {
        return state;
    }

    MajorMatterLevel currentLevel() {
        return currentLevel;
    }

    Instant waitingSince() {
        return waitingSince;
    }

    int round() {
        return round;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    String refusalReason() {
        return refusalReason;
    }
}
