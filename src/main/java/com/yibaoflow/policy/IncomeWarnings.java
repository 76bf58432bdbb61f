package com.yibaoflow.policy;

import static com.yibaoflow.policy.PolicyParametersValidator.P;

import com.yibaoflow.policy.calc.PolicyParameters;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** R-BEN-02: critical-illness figures measured against the province's income; "in principle", so warnings. */
final class IncomeWarnings {

    private static final BigDecimal SIX = BigDecimal.valueOf(6);

    private IncomeWarnings() {}

    /**
     * R-BEN-02 ([D] (七)): the critical-illness deductible “原则上不高于” the province's previous-year per-capita
     * disposable income, and basic + critical-illness caps “原则上保持在…6倍左右”; “in principle”, so warnings. The cap
     * check needs the year's tolerance and is skipped, with a warning, for a year without floors on record.
     */
    static void checkCriticalIllnessAgainstIncome(
            PolicyParameters.Benefits benefits, Optional<NationalFloor> floor, List<PolicyWarning> warnings) {
        BigDecimal income = benefits.provincePerCapitaDisposableIncome();
        BigDecimal deductible = benefits.criticalIllness().deductible();
        if (deductible.compareTo(income) > 0) {
            warnings.add(new PolicyWarning(
                    "R-BEN-02",
                    P + "benefits.criticalIllness.deductible",
                    "The critical-illness deductible " + deductible.toPlainString() + " is above the province's "
                            + "previous-year per-capita disposable income " + income.toPlainString()
                            + " (R-BEN-02, [D] (七): in principle not higher)"));
        }
        if (floor.isEmpty()) {
            warnings.add(new PolicyWarning(
                    "R-BEN-02",
                    P + "benefits.criticalIllness.annualCap",
                    "Basic + critical-illness caps were not compared with 6 × the province's income: no tolerance is "
                            + "on record for this coverage year"));
            return;
        }
        BigDecimal target = income.multiply(SIX);
        BigDecimal combined =
                benefits.inpatient().annualCap().add(benefits.criticalIllness().annualCap());
        BigDecimal allowed = target.multiply(floor.get().combinedCapTolerance());
        if (combined.subtract(target).abs().compareTo(allowed) > 0) {
            warnings.add(new PolicyWarning(
                    "R-BEN-02",
                    P + "benefits.criticalIllness.annualCap",
                    "Basic + critical-illness caps " + combined.toPlainString() + " are not about 6 × the province's "
                            + "income (" + target.toPlainString() + " ± "
                            + floor.get()
                                    .combinedCapTolerance()
                                    .movePointRight(2)
                                    .stripTrailingZeros()
                                    .toPlainString()
                            + " %) (R-BEN-02, [D] (七) “6倍左右”)"));
        }
    }
}
