package com.yibaoflow.region;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pooling region (统筹地区) or one of its parents (R-REG-01). Reference data, seeded by migrations. */
@Entity
@Table(name = "region")
public class Region {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RegionLevel level;

    @Column(name = "parent_code")
    private String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "fiscal_tier", nullable = false)
    private FiscalTier fiscalTier;

    protected Region() {}

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public RegionLevel level() {
        return level;
    }

    public String parentCode() {
        return parentCode;
    }

    public FiscalTier fiscalTier() {
        return fiscalTier;
    }
}
