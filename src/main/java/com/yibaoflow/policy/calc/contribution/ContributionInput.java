package com.yibaoflow.policy.calc.contribution;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Residence;
import java.util.Set;

/**
 * Input of {@link ContributionCalculator}.
 *
 * @param residence  required (R-ELIG-01)
 * @param categories verified hardship categories, may be empty or null (R-SUB-01..13)
 * @param payer      optional close-relative payer from an employee personal account (R-FUND-06)
 */
public record ContributionInput(Residence residence, Set<HardshipCategory> categories, Payer payer) {}
