package com.yibaoflow.policy.calc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All policy parameters of one pooling region and coverage year (RULES.md §1-§8). Stored as JSON; immutable.
 * Every leaf value has a provenance entry in {@link PolicySnapshot#provenance()} under its dotted path, e.g.
 * {@code funding.individualStandard}, {@code subsidies.MINIMUM_LIVING}, {@code benefits.inpatient.fundRatio}.
 */
public record PolicyParameters(
        Periods periods,
        Funding funding,
        /* Fixed subsidy amount per category (R-SUB-01..08, R-SUB-13); a category absent here has no subsidy this year. */
        Map<HardshipCategory, BigDecimal> subsidies,
        Waiting waiting,
        Incentives incentives,
        Benefits benefits,
        Monitoring monitoring) {

    /** R-REG-02 / R-REG-03. */
    public record Periods(
            LocalDate collectionStart, LocalDate collectionEnd, LocalDate coverageStart, LocalDate coverageEnd) {}

    /**
     * R-FUND-01, R-FUND-02, R-FUND-04. {@code centralShareRatio} is the central share of the per-capita fiscal
     * subsidy (0.60 for CENTRAL); the province/city/county ratios split the local remainder and sum to 1.
     */
    public record Funding(
            BigDecimal individualStandard,
            BigDecimal fiscalSubsidy,
            BigDecimal centralShareRatio,
            BigDecimal provinceShareOfLocal,
            BigDecimal cityShareOfLocal,
            BigDecimal countyShareOfLocal) {}

    /**
     * R-WAIT-01..05, R-ELIG-03. {@code exemptGroups}: residence categories with no waiting period (NEWBORN and any a
     * region lists). {@code firstMissedYearCounts}: whether the first missed year adds a month (R-WAIT-03).
     */
    public record Waiting(
            int fixedMonths,
            int monthsPerGapYear,
            boolean firstMissedYearCounts,
            int monthsRemovedPerBackPaidYear,
            int longGapYears,
            int longGapMinimumMonths,
            int newbornGraceDays,
            Set<Residence> exemptGroups) {}

    /** R-WAIT-06, R-WAIT-07. */
    public record Incentives(
            int continuousYearsThreshold,
            BigDecimal raisePerContinuousYear,
            BigDecimal raisePerZeroClaimYear,
            BigDecimal raiseCapRatioOfOriginalCap) {}

    /** R-BEN-01..06. */
    public record Benefits(
            Inpatient inpatient,
            CriticalIllness criticalIllness,
            CriticalIllnessFavour favour,
            Map<HardshipCategory, Assistance> assistance,
            Childbirth childbirth,
            BigDecimal provincePerCapitaDisposableIncome) {}

    /** R-BEN-01: per-stay deductible, fund ratio of the policy-scope amount above it, annual fund cap. */
    public record Inpatient(BigDecimal deductible, BigDecimal fundRatio, BigDecimal annualCap) {}

    /**
     * R-BEN-02: annual deductible on the policy-scope amount the basic fund left to the person; segments by that
     * cumulative amount above the deductible ({@code upTo} null = open-ended), annual cap before raises.
     */
    public record CriticalIllness(BigDecimal deductible, List<Segment> segments, BigDecimal annualCap) {}

    public record Segment(BigDecimal upTo, BigDecimal ratio) {}

    /** R-BEN-06: favoured categories get the deductible reduced by a fraction, ratios raised, optionally no cap. */
    public record CriticalIllnessFavour(
            Set<HardshipCategory> categories,
            BigDecimal deductibleReduction,
            BigDecimal ratioIncrease,
            boolean noCap) {}

    /** R-BEN-05: medical assistance per category. */
    public record Assistance(BigDecimal ratio, BigDecimal deductible, BigDecimal annualLimit) {}

    /** R-BEN-03. */
    public record Childbirth(BigDecimal naturalAllowance, BigDecimal caesareanAllowance) {}

    /** R-MON-02: warning line per population group, absolute or as a share of the prior-year rural income. */
    public record Monitoring(
            BigDecimal priorYearRuralPerCapitaIncome, Map<PopulationGroup, WarningLine> warningLines) {}

    /** Exactly one of the two is set. */
    public record WarningLine(BigDecimal absoluteAmount, BigDecimal ratioOfRuralIncome) {}

    public enum PopulationGroup {
        /** 低收入人口 (特困, 低保, 低保边缘 …). */
        LOW_INCOME,
        /** 脱贫人口 / 监测对象 formerly poor. */
        FORMERLY_POOR,
        /** other rural residents. */
        RURAL_OTHER,
        /** everyone else. */
        OTHER
    }
}
