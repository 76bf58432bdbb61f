package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.FiscalTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The national floors of one coverage year (R-FUND-03), the central share by fiscal tier (R-FUND-04), whether 特困人员
 * and orphans must be subsidised in full (R-SUB-13) and the R-BEN-02 tolerance; with the provenance of the row.
 */
@Entity
@Table(name = "national_floor")
public class NationalFloor {

    @Id
    @Column(name = "coverage_year")
    private int coverageYear;

    @Column(name = "individual_standard_min", nullable = false)
    private BigDecimal individualStandardMin;

    @Column(name = "fiscal_subsidy_min", nullable = false)
    private BigDecimal fiscalSubsidyMin;

    @Column(name = "central_share_west", nullable = false)
    private BigDecimal centralShareWest;

    @Column(name = "central_share_central", nullable = false)
    private BigDecimal centralShareCentral;

    @Column(name = "collection_deadline")
    private LocalDate collectionDeadline;

    @Column(nullable = false)
    private String source;

    /** SEED (2026, [N] 二) or EXTERNAL (2025, 医保发〔2024〕19号): the floor's own provenance. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProvenanceState state;

    /** R-SUB-13: 特困人员 and orphans are subsidised in full ([N] 二, coverage year 2026 on). */
    @Column(name = "full_subsidy_required", nullable = false)
    private boolean fullSubsidyRequired;

    /** R-BEN-02: allowed deviation of basic + critical-illness caps from 6 × income, as a share of 6 × income. */
    @Column(name = "combined_cap_tolerance", nullable = false)
    private BigDecimal combinedCapTolerance;

    protected NationalFloor() {}

    public int coverageYear() {
        return coverageYear;
    }

    public BigDecimal individualStandardMin() {
        return individualStandardMin;
    }

    public BigDecimal fiscalSubsidyMin() {
        return fiscalSubsidyMin;
    }

    /** The central share fixed nationally for a tier; EAST is set per province, so empty. */
    public Optional<BigDecimal> centralShareFor(FiscalTier tier) {
        return switch (tier) {
            case WEST -> Optional.of(centralShareWest);
            case CENTRAL -> Optional.of(centralShareCentral);
            case EAST -> Optional.empty();
        };
    }

    public LocalDate collectionDeadline() {
        return collectionDeadline;
    }

    public String source() {
        return source;
    }

    public ProvenanceState state() {
        return state;
    }

    public boolean fullSubsidyRequired() {
        return fullSubsidyRequired;
    }

    public BigDecimal combinedCapTolerance() {
        return combinedCapTolerance;
    }

    /** "医保发〔2024〕19号 (cited by [D]), EXTERNAL — confirm locally" for a message. */
    public String cited() {
        return source + (state == ProvenanceState.SEED ? "" : ", " + state + " — confirm locally");
    }
}
