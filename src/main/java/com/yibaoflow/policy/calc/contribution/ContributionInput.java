package com.yibaoflow.policy.calc.contribution;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import java.util.List;
import java.util.Set;

/**
 * Input of {@link ContributionCalculator}.
 *
 * @param residence    required (R-ELIG-01)
 * @param categories   verified hardship categories, may be empty or null (R-SUB-01..13)
 * @param payer        optional close-relative payer from an employee personal account (R-FUND-06)
 * @param entitlements outcomes of the R-SUB-11 entitlements this year's check found, may be empty or null; they are
 *                     explained, the figures follow {@code categories} (an applied entitlement is among them)
 */
public record ContributionInput(
        Residence residence, Set<HardshipCategory> categories, Payer payer, List<EntitlementOutcome> entitlements) {

    /** Without R-SUB-11 entitlements (the what-if calculators, a first enrollment). */
    public ContributionInput(Residence residence, Set<HardshipCategory> categories, Payer payer) {
        this(residence, categories, payer, List.of());
    }
}
