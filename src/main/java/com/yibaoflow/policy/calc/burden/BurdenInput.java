package com.yibaoflow.policy.calc.burden;

import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import java.math.BigDecimal;

/**
 * Input of {@link BurdenCalculator}.
 *
 * @param populationGroup required; must have a warning line in the policy
 * @param outOfPocketYtd  required; out-of-pocket this coverage year after basic insurance, critical-illness insurance
 *                        and medical assistance (R-MON-01), e.g. the sum of {@code InpatientResult.outOfPocket()}
 */
public record BurdenInput(PopulationGroup populationGroup, BigDecimal outOfPocketYtd) {}
