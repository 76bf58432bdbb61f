package com.yibaoflow.policy;

import static com.yibaoflow.policy.PolicyParametersValidator.P;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.region.FiscalTier;
import com.yibaoflow.region.Region;
import com.yibaoflow.shared.problem.DomainException;
import java.math.BigDecimal;

/**
 * R-FUND-03, R-FUND-04, R-SUB-13: a set against the national floors of its coverage year; a violation is a 422 citing
 * the rule and the floor.
 */
final class NationalFloorChecks {

    private NationalFloorChecks() {}

    /** R-FUND-03, R-FUND-04: a region's set may not fall below what the nation requires for that coverage year. */
    static void checkFloors(Region region, PolicyParameters.Funding funding, NationalFloor floor) {
        if (funding.individualStandard().compareTo(floor.individualStandardMin()) < 0) {
            throw DomainException.ruleViolation(
                    "R-FUND-03",
                    P + "funding.individualStandard",
                    "The individual contribution standard "
                            + funding.individualStandard().toPlainString()
                            + " is below the national floor of "
                            + floor.individualStandardMin().toPlainString()
                            + " CNY for coverage year " + floor.coverageYear() + " (R-FUND-03, " + floor.cited() + ")");
        }
        if (funding.fiscalSubsidy().compareTo(floor.fiscalSubsidyMin()) < 0) {
            throw DomainException.ruleViolation(
                    "R-FUND-03",
                    P + "funding.fiscalSubsidy",
                    "The per-capita fiscal subsidy " + funding.fiscalSubsidy().toPlainString()
                            + " is below the national floor of "
                            + floor.fiscalSubsidyMin().toPlainString()
                            + " CNY for coverage year " + floor.coverageYear() + " (R-FUND-03, " + floor.cited() + ")");
        }
        FiscalTier tier = region.fiscalTier();
        floor.centralShareFor(tier).ifPresent(share -> {
            if (funding.centralShareRatio().compareTo(share) != 0) {
                throw DomainException.ruleViolation(
                        "R-FUND-04",
                        P + "funding.centralShareRatio",
                        "The central share for a " + tier + " province is "
                                + share.stripTrailingZeros().toPlainString()
                                + " (R-FUND-04, " + floor.cited() + "), not "
                                + funding.centralShareRatio()
                                        .stripTrailingZeros()
                                        .toPlainString());
            }
        });
    }

    /** R-SUB-13: where the year requires it, 特困人员 and orphans pay nothing: their subsidy is the whole standard. */
    static void checkFullSubsidies(PolicyParameters parameters, NationalFloor floor) {
        if (!floor.fullSubsidyRequired()) {
            return;
        }
        BigDecimal standard = parameters.funding().individualStandard();
        for (HardshipCategory category : PolicyParametersValidator.NATIONAL_FULL_SUBSIDY) {
            BigDecimal subsidy = parameters.subsidies().get(category);
            if (subsidy == null || subsidy.compareTo(standard) != 0) {
                throw DomainException.ruleViolation(
                        "R-SUB-13",
                        P + "subsidies." + category,
                        "Coverage year " + floor.coverageYear() + " requires the full subsidy for " + category
                                + " (R-SUB-13, " + floor.cited() + " “全额资助特困人员、孤儿”): "
                                + standard.toPlainString() + " CNY, not "
                                + (subsidy == null ? "none" : subsidy.toPlainString()));
            }
        }
    }
}
