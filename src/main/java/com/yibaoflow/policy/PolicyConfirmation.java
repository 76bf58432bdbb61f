package com.yibaoflow.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An office's confirmation of one EXTERNAL or SAMPLE figure of a version by its own document (number and date), with
 * who recorded it and when. It is attached to the figure and never changes the figure or its provenance state: the
 * figure still came from where its provenance says, and now a local document also fixes it.
 */
@Entity
@Table(name = "policy_confirmation")
public class PolicyConfirmation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "policy_version_id", nullable = false, updatable = false)
    private long policyVersionId;

    @Column(name = "parameter_path", nullable = false, updatable = false)
    private String parameterPath;

    @Column(name = "document_number", nullable = false, updatable = false)
    private String documentNumber;

    @Column(name = "document_date", nullable = false, updatable = false)
    private LocalDate documentDate;

    @Column(name = "confirmed_by", nullable = false, updatable = false)
    private String confirmedBy;

    @Column(name = "confirmed_at", nullable = false, updatable = false)
    private Instant confirmedAt;

    protected PolicyConfirmation() {}

    PolicyConfirmation(
            long policyVersionId,
            String parameterPath,
            String documentNumber,
            LocalDate documentDate,
            String confirmedBy,
            Instant confirmedAt) {
        this.policyVersionId = policyVersionId;
        this.parameterPath = parameterPath;
        this.documentNumber = documentNumber;
        this.documentDate = documentDate;
        this.confirmedBy = confirmedBy;
        this.confirmedAt = confirmedAt;
    }

    public long policyVersionId() {
        return policyVersionId;
    }

    public String parameterPath() {
        return parameterPath;
    }

    public String documentNumber() {
        return documentNumber;
    }

    public LocalDate documentDate() {
        return documentDate;
    }

    public String confirmedBy() {
        return confirmedBy;
    }

    public Instant confirmedAt() {
        return confirmedAt;
    }
}
