package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.ParameterPaths;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.Region;
import com.yibaoflow.shared.problem.DomainException;
import com.yibaoflow.shared.problem.DomainException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a parameter set before it is stored or activated: complete (every figure present, with its provenance state),
 * coherent (periods, ratios, shares), not below the national floors of its coverage year (R-FUND-03, R-FUND-04) and
 * with the national full subsidies where that year requires them (R-SUB-13). Structural errors are a 400 naming each
 * field; a floor violation is a 422 citing the rule and the floor. What it accepts but must say (a year without floors
 * on record, R-BEN-02 figures out of line with the province's income) comes back as warnings, which the service
 * records on the version.
 */
final class PolicyParametersValidator {

    static final String P = "parameters.";

    /** R-SUB-13: the categories the nation subsidises in full ([N] 二 “全额资助特困人员、孤儿”). */
    static final List<HardshipCategory> NATIONAL_FULL_SUBSIDY =
            List.of(HardshipCategory.EXTREME_POVERTY, HardshipCategory.ORPHAN);

    private PolicyParametersValidator() {}

    /** Validates; returns the warnings (empty when there is nothing to say). */
    static List<PolicyWarning> validate(
            Region region,
            int coverageYear,
            PolicyParameters parameters,
            Map<String, Provenance> provenance,
            Optional<NationalFloor> floor) {
        if (parameters == null) {
            throw DomainException.invalidField("parameters", "is required");
        }
        List<FieldError> errors = new ArrayList<>();
        ParameterPaths.leaves(parameters).forEach((path, value) -> {
            if (value == null) {
                errors.add(new FieldError(P + path, "is required"));
            }
        });
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        Map<String, Provenance> cited = provenance == null ? Map.of() : provenance;
        PolicySnapshot snapshot =
                new PolicySnapshot(region.code(), coverageYear, 0, region.fiscalTier(), parameters, cited);
        ParameterPaths.missingProvenance(snapshot)
                .forEach(path -> errors.add(new FieldError(
                        "provenance." + path,
                        "is required: every figure carries " + "its rule ID and source, or is marked as a sample")));
        checkProvenanceStates(cited, errors);
        checkPeriods(coverageYear, parameters.periods(), errors);
        checkFunding(parameters, errors);
        checkBenefits(parameters.benefits(), errors);
        checkWaiting(coverageYear, parameters.waiting(), errors);
        checkWarningLines(parameters.monitoring(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        List<PolicyWarning> warnings = new ArrayList<>();
        floor.ifPresentOrElse(
                f -> {
                    NationalFloorChecks.checkFloors(region, parameters.funding(), f);
                    NationalFloorChecks.checkFullSubsidies(parameters, f);
                },
                () -> warnings.add(new PolicyWarning(
                        "R-FUND-03",
                        P + "funding",
                        "No national floors are on record for coverage year " + coverageYear
                                + ": the individual standard, "
                                + "the fiscal subsidy and the central share were not checked against them (R-FUND-03, "
                                + "R-FUND-04, R-SUB-13)")));
        IncomeWarnings.checkCriticalIllnessAgainstIncome(parameters.benefits(), floor, warnings);
        return List.copyOf(warnings);
    }

    /** Every entry names its state; a SEED or EXTERNAL figure names the document it comes from. */
    private static void checkProvenanceStates(Map<String, Provenance> provenance, List<FieldError> errors) {
        provenance.forEach((path, p) -> {
            if (p == null || p.state() == null) {
                errors.add(new FieldError("provenance." + path + ".state", "is required: SEED, EXTERNAL or SAMPLE"));
            } else if (p.state() != ProvenanceState.SAMPLE
                    && (p.source() == null || p.source().isBlank())) {
                errors.add(new FieldError(
                        "provenance." + path + ".source",
                        "is required for a " + p.state() + " figure: the document it comes from"));
            }
            if (p != null && (p.ruleId() == null || p.ruleId().isBlank())) {
                errors.add(new FieldError("provenance." + path + ".ruleId", "is required"));
            }
        });
    }

    private static void checkPeriods(int year, PolicyParameters.Periods periods, List<FieldError> errors) {
        if (!periods.coverageStart().equals(LocalDate.of(year, 1, 1))) {
            errors.add(new FieldError(P + "periods.coverageStart", "must be " + year + "-01-01 (R-REG-02, R-REG-03)"));
        }
        if (!periods.coverageEnd().equals(LocalDate.of(year, 12, 31))) {
            errors.add(new FieldError(P + "periods.coverageEnd", "must be " + year + "-12-31 (R-REG-02, R-REG-03)"));
        }
        if (periods.collectionEnd().isBefore(periods.collectionStart())) {
            errors.add(new FieldError(P + "periods.collectionEnd", "must not be before collectionStart"));
        }
        if (periods.collectionStart().isAfter(periods.coverageEnd())) {
            errors.add(new FieldError(P + "periods.collectionStart", "must be before the end of the coverage year"));
        }
    }

    private static void checkFunding(PolicyParameters parameters, List<FieldError> errors) {
        PolicyParameters.Funding funding = parameters.funding();
        positive(funding.individualStandard(), "funding.individualStandard", errors);
        positive(funding.fiscalSubsidy(), "funding.fiscalSubsidy", errors);
        ratio(funding.centralShareRatio(), "funding.centralShareRatio", errors);
        ratio(funding.provinceShareOfLocal(), "funding.provinceShareOfLocal", errors);
        ratio(funding.cityShareOfLocal(), "funding.cityShareOfLocal", errors);
        ratio(funding.countyShareOfLocal(), "funding.countyShareOfLocal", errors);
        BigDecimal local =
                funding.provinceShareOfLocal().add(funding.cityShareOfLocal()).add(funding.countyShareOfLocal());
        if (local.compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldError(
                    P + "funding.countyShareOfLocal",
                    "province, city and county shares of the local subsidy must add up to 1 (R-FUND-04), they add up to "
                            + local.stripTrailingZeros().toPlainString()));
        }
        for (Map.Entry<HardshipCategory, BigDecimal> subsidy :
                parameters.subsidies().entrySet()) {
            String path = "subsidies." + subsidy.getKey();
            if (subsidy.getValue() == null || subsidy.getValue().signum() < 0) {
                errors.add(new FieldError(P + path, "must be zero or more"));
            } else if (subsidy.getValue().compareTo(funding.individualStandard()) > 0) {
                errors.add(new FieldError(
                        P + path,
                        "must not exceed the individual standard "
                                + funding.individualStandard().toPlainString() + " (R-SUB-09)"));
            }
        }
    }

    private static void checkBenefits(PolicyParameters.Benefits benefits, List<FieldError> errors) {
        ratio(benefits.inpatient().fundRatio(), "benefits.inpatient.fundRatio", errors);
        notNegative(benefits.inpatient().deductible(), "benefits.inpatient.deductible", errors);
        positive(benefits.inpatient().annualCap(), "benefits.inpatient.annualCap", errors);
        notNegative(benefits.criticalIllness().deductible(), "benefits.criticalIllness.deductible", errors);
        positive(benefits.criticalIllness().annualCap(), "benefits.criticalIllness.annualCap", errors);
        List<PolicyParameters.Segment> segments = benefits.criticalIllness().segments();
        if (segments.isEmpty() || segments.get(segments.size() - 1).upTo() != null) {
            errors.add(new FieldError(
                    P + "benefits.criticalIllness.segments",
                    "must not be empty and the last segment must be open-ended (upTo null)"));
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < segments.size(); i++) {
            PolicyParameters.Segment segment = segments.get(i);
            ratio(segment.ratio(), "benefits.criticalIllness.segments[" + i + "].ratio", errors);
            if (segment.upTo() != null) {
                if (segment.upTo().compareTo(previous) <= 0) {
                    errors.add(new FieldError(
                            P + "benefits.criticalIllness.segments[" + i + "].upTo",
                            "must be above the previous segment's bound"));
                }
                previous = segment.upTo();
            } else if (i < segments.size() - 1) {
                errors.add(new FieldError(
                        P + "benefits.criticalIllness.segments[" + i + "].upTo",
                        "only the last segment may be open-ended"));
            }
        }
        benefits.assistance().forEach((category, assistance) -> {
            String path = "benefits.assistance." + category;
            ratio(assistance.ratio(), path + ".ratio", errors);
            notNegative(assistance.deductible(), path + ".deductible", errors);
            notNegative(assistance.annualLimit(), path + ".annualLimit", errors);
        });
    }

    /**
     * The regional choices of issue #17 items 4 and 6 (R-WAIT-03, R-ELIG-02) are within plausible bounds: a start year
     * 2000–2100 (one after the coverage year counts nothing yet), an adult age up to 30, an interruption up to a year.
     */
    private static void checkWaiting(int coverageYear, PolicyParameters.Waiting waiting, List<FieldError> errors) {
        String w = "waiting.";
        range(waiting.neverCovered().startYear(), 2000, 2100, w + "neverCovered.startYear", errors);
        range(waiting.neverCovered().adultAge(), 0, 30, w + "neverCovered.adultAge", errors);
        range(
                waiting.employeeSwitch().maxInterruptionMonths(),
                0,
                12,
                w + "employeeSwitch.maxInterruptionMonths",
                errors);
        range(waiting.employeeSwitch().minInsuredYears(), 0, 30, w + "employeeSwitch.minInsuredYears", errors);
    }

    private static void range(int value, int min, int max, String path, List<FieldError> errors) {
        if (value < min || value > max) {
            errors.add(new FieldError(P + path, "must be between " + min + " and " + max + ", was " + value));
        }
    }

    /** R-MON-02: a warning line is an absolute amount or a share of the rural income, never both or neither. */
    private static void checkWarningLines(PolicyParameters.Monitoring monitoring, List<FieldError> errors) {
        monitoring.warningLines().forEach((group, line) -> {
            String path = P + "monitoring.warningLines." + group;
            if ((line.absoluteAmount() == null) == (line.ratioOfRuralIncome() == null)) {
                errors.add(new FieldError(path, "must have exactly one of absoluteAmount and ratioOfRuralIncome"));
            } else if (line.absoluteAmount() != null && line.absoluteAmount().signum() <= 0) {
                errors.add(new FieldError(path + ".absoluteAmount", "must be more than zero"));
            } else if (line.ratioOfRuralIncome() != null
                    && line.ratioOfRuralIncome().signum() <= 0) {
                errors.add(new FieldError(path + ".ratioOfRuralIncome", "must be more than zero"));
            }
        });
    }

    private static void positive(BigDecimal value, String path, List<FieldError> errors) {
        if (value.signum() <= 0) {
            errors.add(new FieldError(P + path, "must be more than zero"));
        }
    }

    private static void notNegative(BigDecimal value, String path, List<FieldError> errors) {
        if (value.signum() < 0) {
            errors.add(new FieldError(P + path, "must be zero or more"));
        }
    }

    private static void ratio(BigDecimal value, String path, List<FieldError> errors) {
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            errors.add(new FieldError(P + path, "must be a ratio between 0 and 1"));
        }
    }

    private static DomainException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " parameters are invalid; see errors";
        return new DomainException(DomainException.Kind.INVALID, detail, errors, Map.of());
    }
}
