package com.yibaoflow.policy.calc;

import static com.yibaoflow.policy.calc.HardshipCategory.ENTITLED_GROUP;
import static com.yibaoflow.policy.calc.HardshipCategory.EXTREME_POVERTY;
import static com.yibaoflow.policy.calc.HardshipCategory.FAMILY_PLANNING_SPECIAL;
import static com.yibaoflow.policy.calc.HardshipCategory.MINIMUM_LIVING;
import static com.yibaoflow.policy.calc.HardshipCategory.POVERTY_MONITORING;
import static com.yibaoflow.policy.calc.HardshipCategory.RELAPSED_POVERTY;
import static com.yibaoflow.policy.calc.HardshipCategory.RETIRED_FISHERMAN;
import static com.yibaoflow.policy.calc.HardshipCategory.SEVERE_DISABILITY;

import com.yibaoflow.policy.calc.PolicyParameters.Assistance;
import com.yibaoflow.policy.calc.PolicyParameters.Benefits;
import com.yibaoflow.policy.calc.PolicyParameters.Childbirth;
import com.yibaoflow.policy.calc.PolicyParameters.CriticalIllness;
import com.yibaoflow.policy.calc.PolicyParameters.CriticalIllnessFavour;
import com.yibaoflow.policy.calc.PolicyParameters.Funding;
import com.yibaoflow.policy.calc.PolicyParameters.Incentives;
import com.yibaoflow.policy.calc.PolicyParameters.Inpatient;
import com.yibaoflow.policy.calc.PolicyParameters.Monitoring;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicyParameters.Segment;
import com.yibaoflow.policy.calc.PolicyParameters.Waiting;
import com.yibaoflow.policy.calc.PolicyParameters.WarningLine;
import com.yibaoflow.region.FiscalTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Policy snapshots for tests: Dongzhi County (341721) 2025, with a provenance entry for every leaf parameter. */
public final class TestSnapshots {

    private TestSnapshots() {}

    /** Dongzhi 2025 as seeded ([D] 东政办〔2024〕11号, [N] 医保发〔2025〕22号, [G] 国办发〔2024〕38号, samples). */
    public static PolicySnapshot dongzhi2025() {
        return dongzhi2025(dongzhi2025Parameters());
    }

    /** Other parameters under the Dongzhi 2025 identity and provenance (for variants in tests). */
    public static PolicySnapshot dongzhi2025(PolicyParameters parameters) {
        return new PolicySnapshot("341721", 2025, 1, FiscalTier.CENTRAL, parameters, dongzhi2025Provenance());
    }

    public static PolicyParameters dongzhi2025Parameters() {
        Periods periods = new Periods(
                LocalDate.of(2024, 9, 1),
                LocalDate.of(2024, 12, 31),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        Funding funding = new Funding(bd("400"), bd("670"), bd("0.60"), bd("0.40"), bd("0.30"), bd("0.30"));
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(HardshipCategory.class);
        subsidies.put(EXTREME_POVERTY, bd("400"));
        subsidies.put(MINIMUM_LIVING, bd("360"));
        subsidies.put(ENTITLED_GROUP, bd("360"));
        subsidies.put(FAMILY_PLANNING_SPECIAL, bd("360"));
        subsidies.put(RELAPSED_POVERTY, bd("320"));
        subsidies.put(POVERTY_MONITORING, bd("200"));
        subsidies.put(RETIRED_FISHERMAN, bd("240"));
        subsidies.put(SEVERE_DISABILITY, bd("160"));
        Waiting waiting = new Waiting(3, 1, true, 1, 4, 6, 90, Set.of(Residence.NEWBORN));
        Incentives incentives = new Incentives(4, bd("1000"), bd("1000"), bd("0.20"));
        Map<HardshipCategory, Assistance> assistance = new EnumMap<>(HardshipCategory.class);
        assistance.put(EXTREME_POVERTY, new Assistance(bd("0.70"), bd("0"), bd("60000")));
        assistance.put(MINIMUM_LIVING, new Assistance(bd("0.70"), bd("0"), bd("50000")));
        assistance.put(RELAPSED_POVERTY, new Assistance(bd("0.65"), bd("1000"), bd("40000")));
        assistance.put(POVERTY_MONITORING, new Assistance(bd("0.60"), bd("2000"), bd("30000")));
        Benefits benefits = new Benefits(
                new Inpatient(bd("500"), bd("0.70"), bd("100000")),
                new CriticalIllness(
                        bd("15000"),
                        List.of(
                                new Segment(bd("35000"), bd("0.60")),
                                new Segment(bd("85000"), bd("0.65")),
                                new Segment(bd("185000"), bd("0.70")),
                                new Segment(null, bd("0.75"))),
                        bd("110000")),
                new CriticalIllnessFavour(
                        Set.of(EXTREME_POVERTY, MINIMUM_LIVING, RELAPSED_POVERTY), bd("0.50"), bd("0.05"), true),
                assistance,
                new Childbirth(bd("1600"), bd("2400")),
                bd("34893"));
        Map<PopulationGroup, WarningLine> lines = new EnumMap<>(PopulationGroup.class);
        lines.put(PopulationGroup.LOW_INCOME, new WarningLine(bd("10000"), null));
        lines.put(PopulationGroup.FORMERLY_POOR, new WarningLine(null, bd("0.50")));
        lines.put(PopulationGroup.RURAL_OTHER, new WarningLine(null, bd("1.00")));
        lines.put(PopulationGroup.OTHER, new WarningLine(bd("26000"), null));
        return new PolicyParameters(
                periods, funding, subsidies, waiting, incentives, benefits, new Monitoring(bd("21144"), lines));
    }

    /** The provenance of every leaf of {@link #dongzhi2025Parameters()}. */
    public static Map<String, Provenance> dongzhi2025Provenance() {
        Map<String, Provenance> p = new LinkedHashMap<>();
        for (String period : List.of("collectionStart", "collectionEnd", "coverageStart", "coverageEnd")) {
            p.put("periods." + period, seed("R-REG-02", "[D]", "(一)"));
        }
        p.put("funding.individualStandard", seed("R-FUND-01", "[D]", "(二)"));
        p.put("funding.fiscalSubsidy", seed("R-FUND-02", "[D]", "(二)"));
        p.put("funding.centralShareRatio", seed("R-FUND-04", "[N]", "二 “继续…对西部、中部地区分别按照…80%、60%的比例给予补助”"));
        p.put("funding.provinceShareOfLocal", sample("R-FUND-04"));
        p.put("funding.cityShareOfLocal", sample("R-FUND-04"));
        p.put("funding.countyShareOfLocal", sample("R-FUND-04"));
        p.put("subsidies.EXTREME_POVERTY", seed("R-SUB-01", "[D]", "(十二)"));
        p.put("subsidies.MINIMUM_LIVING", seed("R-SUB-02", "[D]", "(十二)"));
        p.put("subsidies.ENTITLED_GROUP", seed("R-SUB-03", "[D]", "(十二)"));
        p.put("subsidies.FAMILY_PLANNING_SPECIAL", seed("R-SUB-04", "[D]", "(十二)"));
        p.put("subsidies.RELAPSED_POVERTY", seed("R-SUB-05", "[D]", "(十二)"));
        p.put("subsidies.POVERTY_MONITORING", seed("R-SUB-06", "[D]", "(十二)"));
        p.put("subsidies.RETIRED_FISHERMAN", seed("R-SUB-07", "[D]", "(十二)"));
        p.put("subsidies.SEVERE_DISABILITY", seed("R-SUB-08", "[D]", "(十二)"));
        p.put("waiting.fixedMonths", external("R-WAIT-02", G, "“设置参保后固定待遇等待期3个月”"));
        p.put("waiting.monthsPerGapYear", external("R-WAIT-03", G, "“每多断保1年…增加变动待遇等待期1个月”"));
        p.put("waiting.firstMissedYearCounts", sample("R-WAIT-03"));
        p.put("waiting.monthsRemovedPerBackPaidYear", external("R-WAIT-04", G, "“每多缴纳1年可减少1个月变动待遇等待期”"));
        p.put("waiting.longGapYears", external("R-WAIT-04", G_RESTATED, "gap of 4 or more consecutive years"));
        p.put("waiting.longGapMinimumMonths", external("R-WAIT-04", G_RESTATED, "fixed + variable at least 6 months"));
        p.put("waiting.newbornGraceDays", seed("R-ELIG-03", "[D]", "(九)"));
        p.put("waiting.exemptGroups", seed("R-WAIT-01", "[D]", "(五)"));
        // issue #17 items 4, 6, 8 (V31): today's behaviour as regional defaults
        p.put("waiting.exemptCategories", sample("R-WAIT-01"));
        p.put("waiting.neverCovered.reading", sample("R-WAIT-03"));
        p.put("waiting.neverCovered.startYear", seed("R-WAIT-01", "[D]", "(五) “自2025年起”"));
        p.put("waiting.neverCovered.adultAge", sample("R-WAIT-03"));
        p.put("waiting.employeeSwitch.treatment", sample("R-ELIG-02"));
        p.put("waiting.employeeSwitch.maxInterruptionMonths", sample("R-ELIG-02"));
        p.put("waiting.employeeSwitch.minInsuredYears", sample("R-ELIG-02"));
        p.put("incentives.continuousYearsThreshold", seed("R-WAIT-06", "[D]", "(五) “连续参加居民医保满4年”"));
        p.put("incentives.raisePerContinuousYear", sample("R-WAIT-06"));
        p.put("incentives.raisePerZeroClaimYear", sample("R-WAIT-07"));
        p.put("incentives.raiseCapRatioOfOriginalCap", external("R-WAIT-07", G, "“累计提高总额不超过…大病保险原封顶线的20%”"));
        p.put("benefits.inpatient.deductible", sample("R-BEN-01"));
        p.put("benefits.inpatient.fundRatio", seed("R-BEN-01", "[D]", "(六) “稳定在 70%左右”"));
        p.put("benefits.inpatient.annualCap", sample("R-BEN-01"));
        p.put("benefits.criticalIllness.deductible", sample("R-BEN-02"));
        p.put("benefits.criticalIllness.segments", sample("R-BEN-02"));
        p.put("benefits.criticalIllness.annualCap", sample("R-BEN-02"));
        for (String favour : List.of("categories", "deductibleReduction", "ratioIncrease", "noCap")) {
            p.put("benefits.favour." + favour, sample("R-BEN-06"));
        }
        for (HardshipCategory category : List.of(EXTREME_POVERTY, MINIMUM_LIVING)) {
            p.put(
                    "benefits.assistance." + category + ".ratio",
                    external("R-BEN-05", "国办发〔2021〕42号", "特困、低保 assisted at no less than 70 %"));
            p.put(
                    "benefits.assistance." + category + ".deductible",
                    external("R-BEN-05", "国办发〔2021〕42号", "no deductible for 特困、低保"));
            p.put("benefits.assistance." + category + ".annualLimit", sample("R-BEN-05"));
        }
        for (HardshipCategory category : List.of(RELAPSED_POVERTY, POVERTY_MONITORING)) {
            for (String field : List.of("ratio", "deductible", "annualLimit")) {
                p.put("benefits.assistance." + category + "." + field, sample("R-BEN-05"));
            }
        }
        p.put("benefits.childbirth.naturalAllowance", seed("R-BEN-03", "[D]", "(八)"));
        p.put("benefits.childbirth.caesareanAllowance", seed("R-BEN-03", "[D]", "(八)"));
        p.put("benefits.provincePerCapitaDisposableIncome", sample("R-BEN-02"));
        p.put("monitoring.priorYearRuralPerCapitaIncome", sample("R-MON-02"));
        for (PopulationGroup group : PopulationGroup.values()) {
            p.put("monitoring.warningLines." + group, sample("R-MON-02"));
        }
        return Map.copyOf(p);
    }

    public static BigDecimal bd(String value) {
        return new BigDecimal(value);
    }

    private static final String G = "[G] 国办发〔2024〕38号";
    private static final String G_RESTATED = "[G] 国办发〔2024〕38号 and its local restatements";

    public static Provenance seed(String ruleId, String source, String clause) {
        return new Provenance(ruleId, ProvenanceState.SEED, source, clause);
    }

    public static Provenance external(String ruleId, String source, String clause) {
        return new Provenance(ruleId, ProvenanceState.EXTERNAL, source, clause);
    }

    public static Provenance sample(String ruleId) {
        return new Provenance(ruleId, ProvenanceState.SAMPLE, "SAMPLE", "confirm locally");
    }
}
