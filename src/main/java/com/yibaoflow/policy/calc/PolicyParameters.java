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
     * {@code exemptCategories}: hardship categories a region exempts from waiting periods (R-WAIT-01 "other special
     * groups", issue #17 item 8). {@code neverCovered}: how a never-covered adult counts (issue #17 item 4).
     * {@code employeeSwitch}: the waiting-period treatment of a switch from employee insurance (R-ELIG-02, issue #17
     * item 6).
     */
    public record Waiting(
            int fixedMonths,
            int monthsPerGapYear,
            boolean firstMissedYearCounts,
            int monthsRemovedPerBackPaidYear,
            int longGapYears,
            int longGapMinimumMonths,
            int newbornGraceDays,
            Set<Residence> exemptGroups,
            Set<HardshipCategory> exemptCategories,
            NeverCovered neverCovered,
            EmployeeSwitch employeeSwitch) {

        /** The figures of before issue #17 items 4, 6 and 8, with today's behaviour for the three regional choices. */
        public Waiting(
                int fixedMonths,
                int monthsPerGapYear,
                boolean firstMissedYearCounts,
                int monthsRemovedPerBackPaidYear,
                int longGapYears,
                int longGapMinimumMonths,
                int newbornGraceDays,
                Set<Residence> exemptGroups) {
            this(
                    fixedMonths,
                    monthsPerGapYear,
                    firstMissedYearCounts,
                    monthsRemovedPerBackPaidYear,
                    longGapYears,
                    longGapMinimumMonths,
                    newbornGraceDays,
                    exemptGroups,
                    Set.of(),
                    NeverCovered.DEFAULT,
                    EmployeeSwitch.DEFAULT);
        }
    }

    /**
     * How a person with no coverage year on record counts (R-WAIT-01/03, issue #17 item 4; a regional reading, the
     * national text leaves it open). {@code reading} FIRST_ENROLLMENT (default, today's behaviour): never covered is no
     * interrupted coverage, no variable months. YEARS_SINCE_START_YEAR: a person aged at least {@code adultAge} at the
     * coverage start has missed every year from the later of {@code startYear} and the year they turned
     * {@code adultAge}, up to the year before the coverage year. {@code startYear} defaults to 2025 ([D] (五)
     * "自2025年起").
     */
    public record NeverCovered(NeverCoveredReading reading, Integer startYear, Integer adultAge) {
        public static final NeverCovered DEFAULT = new NeverCovered(NeverCoveredReading.FIRST_ENROLLMENT, 2025, 18);
    }

    public enum NeverCoveredReading {
        /** Never covered = first enrollment: fixed months only outside the collection period (today's behaviour). */
        FIRST_ENROLLMENT,
        /** Never covered = missed every year since the start year (or since coming of age, whichever is later). */
        YEARS_SINCE_START_YEAR
    }

    /**
     * The waiting-period treatment of a switch from employee insurance (职工医保) to resident insurance (R-ELIG-02,
     * issue #17 item 6). {@code treatment} AS_ANY_ENROLLMENT (default, today's behaviour): the waiting period is
     * calculated as for anyone else. NO_WAITING_AFTER_SHORT_INTERRUPTION: a person whose employee insurance ended at
     * most {@code maxInterruptionMonths} before the resident payment, insured in basic medical insurance (either
     * scheme) for at least {@code minInsuredYears} consecutive full years before the coverage year, has no waiting
     * period.
     */
    public record EmployeeSwitch(
            EmployeeSwitchTreatment treatment, Integer maxInterruptionMonths, Integer minInsuredYears) {
        public static final EmployeeSwitch DEFAULT =
                new EmployeeSwitch(EmployeeSwitchTreatment.AS_ANY_ENROLLMENT, 3, 2);
    }

    public enum EmployeeSwitchTreatment {
        /** The switch is an enrollment like any other (today's behaviour). */
        AS_ANY_ENROLLMENT,
        /** No waiting period after a short interruption of continuous basic insurance. */
        NO_WAITING_AFTER_SHORT_INTERRUPTION
    }

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
