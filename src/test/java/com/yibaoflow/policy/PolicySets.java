package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Variants of the seeded Dongzhi 2025 set for the policy integration tests. */
final class PolicySets {

    private PolicySets() {}

    /** The figures moved to another coverage year. */
    static PolicyParameters forYear(PolicyParameters p, int year) {
        int shift = year - p.periods().coverageStart().getYear();
        PolicyParameters.Periods periods = new PolicyParameters.Periods(
                p.periods().collectionStart().plusYears(shift),
                p.periods().collectionEnd().plusYears(shift),
                LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31));
        return new PolicyParameters(
                periods, p.funding(), p.subsidies(), p.waiting(), p.incentives(), p.benefits(), p.monitoring());
    }

    /** Other funding figures; subsidies above the new standard are lowered to it. */
    static PolicyParameters withFunding(PolicyParameters p, String individual, String fiscal, String centralShare) {
        PolicyParameters.Funding f = p.funding();
        BigDecimal standard = new BigDecimal(individual);
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(HardshipCategory.class);
        p.subsidies().forEach((category, amount) -> subsidies.put(category, amount.min(standard)));
        return new PolicyParameters(
                p.periods(),
                new PolicyParameters.Funding(
                        standard,
                        new BigDecimal(fiscal),
                        new BigDecimal(centralShare),
                        f.provinceShareOfLocal(),
                        f.cityShareOfLocal(),
                        f.countyShareOfLocal()),
                subsidies,
                p.waiting(),
                p.incentives(),
                p.benefits(),
                p.monitoring());
    }

    static PolicyParameters withSubsidy(PolicyParameters p, HardshipCategory category, String amount) {
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(p.subsidies());
        subsidies.put(category, new BigDecimal(amount));
        return new PolicyParameters(
                p.periods(), p.funding(), subsidies, p.waiting(), p.incentives(), p.benefits(), p.monitoring());
    }

    /** Other critical-illness deductible and cap (R-BEN-02). */
    static PolicyParameters withCriticalIllness(PolicyParameters p, String deductible, String annualCap) {
        PolicyParameters.Benefits b = p.benefits();
        PolicyParameters.CriticalIllness ci = new PolicyParameters.CriticalIllness(
                new BigDecimal(deductible), b.criticalIllness().segments(), new BigDecimal(annualCap));
        return new PolicyParameters(
                p.periods(),
                p.funding(),
                p.subsidies(),
                p.waiting(),
                p.incentives(),
                new PolicyParameters.Benefits(
                        b.inpatient(),
                        ci,
                        b.favour(),
                        b.assistance(),
                        b.childbirth(),
                        b.provincePerCapitaDisposableIncome()),
                p.monitoring());
    }

    /** The provenance with the national orphan subsidy (R-SUB-13, [N] 二) added. */
    static Map<String, Provenance> withOrphan(Map<String, Provenance> provenance) {
        Map<String, Provenance> p = new LinkedHashMap<>(provenance);
        p.put("subsidies.ORPHAN", new Provenance("R-SUB-13", ProvenanceState.SEED, "[N]", "二 “全额资助特困人员、孤儿”"));
        return p;
    }
}
