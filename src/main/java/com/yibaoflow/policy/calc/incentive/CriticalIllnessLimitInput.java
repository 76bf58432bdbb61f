package com.yibaoflow.policy.calc.incentive;

import com.yibaoflow.policy.calc.HardshipCategory;
import java.util.Set;

/**
 * Input of {@link CriticalIllnessLimitCalculator}.
 *
 * @param continuousYears full consecutive coverage years enrolled before this coverage year (R-WAIT-06)
 * @param zeroClaimYears  prior coverage years with zero fund reimbursement that count (R-WAIT-07)
 * @param categories      optional verified hardship categories; a favoured one may lift the cap (R-BEN-06)
 */
public record CriticalIllnessLimitInput(int continuousYears, int zeroClaimYears, Set<HardshipCategory> categories) {}
