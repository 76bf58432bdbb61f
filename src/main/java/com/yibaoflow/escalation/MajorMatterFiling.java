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
import java.time.LocalDate;

/** R-MM-01: an approved standards request filed (备案) with one national authority, by reference and date. */
@Entity
@Table(name = "major_matter_filing")
class MajorMatterFiling {

    /** The authorities a standard is filed with, and the process variables their filing task leaves (MajorMatterSteps). */
    enum Authority {
        NHSA("国家医保局", "nhsaFilingReference", "nhsaFilingDate"),
        MOF("财政部", "mofFilingReference", "mofFilingDate"),
        STA("国家税务总局", "staFilingReference", "staFilingDate");

        final String chineseName;
        final String referenceVariable;
        final String dateVariable;

        Authority(String chineseName, String referenceVariable, String dateVariable) {
            this.chineseName = chineseName;
            this.referenceVariable = referenceVariable;
            this.dateVariable = dateVariable;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "major_matter_id", nullable = false, updatable = false)
    private Long majorMatterId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Authority authority;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Column(name = "filed_on", updatable = false)
    private LocalDate filedOn;

    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    private Instant recordedAt;

    protected MajorMatterFiling() {}

    MajorMatterFiling(
            Long majorMatterId,
            Authority authority,
            String reference,
            LocalDate filedOn,
            String recordedBy,
            Instant recordedAt) {
        this.majorMatterId = majorMatterId;
        this.authority = authority;
        this.reference = reference;
        this.filedOn = filedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    Authority authority() {
        return authority;
    }

    String reference() {
        return reference;
    }

    LocalDate filedOn() {
        return filedOn;
    }

    String recordedBy() {
        return recordedBy;
    }

    Instant recordedAt() {
        return recordedAt;
    }
}
