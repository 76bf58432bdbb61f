package com.yibaoflow.policy;

import com.yibaoflow.region.FiscalTier;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The national floors of one coverage year (R-FUND-03) and the central share by fiscal tier (R-FUND-04). */
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

    protected NationalFloor() {
    }

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
}
