package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.LocalConfirmation;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.region.FiscalTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of the policy parameters of a region and coverage year. Immutable once it leaves DRAFT (enforced by
 * this class and by a database trigger); a change is a new version that records the request that approved it.
 */
@Entity
@Table(name = "policy_version")
public class PolicyVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "region_code", nullable = false, updatable = false)
    private String regionCode;

    @Column(name = "coverage_year", nullable = false, updatable = false)
    private int coverageYear;

    @Column(nullable = false, updatable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PolicyStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private PolicyParameters parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Provenance> provenance;

    /** What the validator said at the last check of this version (creation, revision, activation). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<PolicyWarning> warnings = List.of();

    @Column(name = "approving_request_ref")
    private String approvingRequestRef;

    private String note;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "activated_at")
    private Instant activatedAt;

    @Column(name = "activated_by")
    private String activatedBy;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    protected PolicyVersion() {}

    PolicyVersion(
            String regionCode,
            int coverageYear,
            int version,
            PolicyParameters parameters,
            Map<String, Provenance> provenance,
            String note,
            Instant createdAt,
            String createdBy) {
        this.regionCode = regionCode;
        this.coverageYear = coverageYear;
        this.version = version;
        this.status = PolicyStatus.DRAFT;
        this.parameters = parameters;
        this.provenance = new LinkedHashMap<>(provenance);
        this.note = note;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    /** Records the warnings of the latest validation (a draft's, or those the activation was done with). */
    void recordWarnings(List<PolicyWarning> warnings) {
        requireDraft();
        this.warnings = List.copyOf(warnings);
    }

    /** Replaces the figures of a draft. */
    void revise(PolicyParameters parameters, Map<String, Provenance> provenance, String note) {
        requireDraft();
        this.parameters = parameters;
        this.provenance = new LinkedHashMap<>(provenance);
        this.note = note;
    }

    void activate(String approvingRequestRef, Instant at, String by) {
        requireDraft();
        this.status = PolicyStatus.ACTIVE;
        this.approvingRequestRef = approvingRequestRef;
        this.activatedAt = at;
        this.activatedBy = by;
    }

    void supersede(Instant at) {
        if (status != PolicyStatus.ACTIVE) {
            throw new IllegalStateException("Only an active version can be superseded");
        }
        this.status = PolicyStatus.SUPERSEDED;
        this.supersededAt = at;
    }

    private void requireDraft() {
        if (status != PolicyStatus.DRAFT) {
            throw new PolicyImmutableException(this);
        }
    }

    public PolicySnapshot toSnapshot(FiscalTier fiscalTier) {
        return toSnapshot(fiscalTier, Map.of());
    }

    /** The snapshot with the offices' confirmations of its figures by local document (issue #17 item 2). */
    public PolicySnapshot toSnapshot(FiscalTier fiscalTier, Map<String, LocalConfirmation> confirmations) {
        return new PolicySnapshot(
                regionCode, coverageYear, version, fiscalTier, parameters, Map.copyOf(provenance), confirmations);
    }

    public Long id() {
        return id;
    }

    public String regionCode() {
        return regionCode;
    }

    public int coverageYear() {
        return coverageYear;
    }

    public int version() {
        return version;
    }

    public PolicyStatus status() {
        return status;
    }

    public PolicyParameters parameters() {
        return parameters;
    }

    public Map<String, Provenance> provenance() {
        return provenance;
    }

    public List<PolicyWarning> warnings() {
        return warnings == null ? List.of() : List.copyOf(warnings);
    }

    public String approvingRequestRef() {
        return approvingRequestRef;
    }

    public String note() {
        return note;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    public String activatedBy() {
        return activatedBy;
    }

    public Instant supersededAt() {
        return supersededAt;
    }

    public String label() {
        return regionCode + "/" + coverageYear + " v" + version;
    }
}
