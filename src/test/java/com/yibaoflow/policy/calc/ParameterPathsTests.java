package com.yibaoflow.policy.calc;

import static com.yibaoflow.policy.calc.TestSnapshots.bd;
import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.policy.calc.PolicyParameters.Benefits;
import com.yibaoflow.policy.calc.PolicyParameters.WarningLine;
import com.yibaoflow.region.FiscalTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ParameterPathsTests {

    private final PolicyParameters dongzhi = TestSnapshots.dongzhi2025Parameters();

    @Test
    void leavesFollowComponentOrderAndMapKeysInEnumOrder() {
        Map<String, Object> leaves = ParameterPaths.leaves(dongzhi);

        assertThat(leaves).hasSize(67);
        assertThat(List.copyOf(leaves.keySet()).subList(0, 20))
                .containsExactly(
                        "periods.collectionStart",
                        "periods.collectionEnd",
                        "periods.coverageStart",
                        "periods.coverageEnd",
                        "funding.individualStandard",
                        "funding.fiscalSubsidy",
                        "funding.centralShareRatio",
                        "funding.provinceShareOfLocal",
                        "funding.cityShareOfLocal",
                        "funding.countyShareOfLocal",
                        "subsidies.EXTREME_POVERTY",
                        "subsidies.MINIMUM_LIVING",
                        "subsidies.ENTITLED_GROUP",
                        "subsidies.FAMILY_PLANNING_SPECIAL",
                        "subsidies.RELAPSED_POVERTY",
                        "subsidies.POVERTY_MONITORING",
                        "subsidies.RETIRED_FISHERMAN",
                        "subsidies.SEVERE_DISABILITY",
                        "waiting.fixedMonths",
                        "waiting.monthsPerGapYear");
        assertThat(List.copyOf(leaves.keySet()).subList(61, 67))
                .containsExactly(
                        "benefits.provincePerCapitaDisposableIncome", "monitoring.priorYearRuralPerCapitaIncome",
                        "monitoring.warningLines.LOW_INCOME", "monitoring.warningLines.FORMERLY_POOR",
                        "monitoring.warningLines.RURAL_OTHER", "monitoring.warningLines.OTHER");
        assertThat(leaves.get("periods.collectionEnd")).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(leaves.get("subsidies.MINIMUM_LIVING")).isEqualTo(bd("360"));
        assertThat(leaves.get("waiting.firstMissedYearCounts")).isEqualTo(true);
        // issue #17 items 4, 6, 8: the regional choices of the waiting period, nested records recursing
        assertThat(List.copyOf(leaves.keySet()).subList(25, 33))
                .containsExactly(
                        "waiting.exemptGroups",
                        "waiting.exemptCategories",
                        "waiting.neverCovered.reading",
                        "waiting.neverCovered.startYear",
                        "waiting.neverCovered.adultAge",
                        "waiting.employeeSwitch.treatment",
                        "waiting.employeeSwitch.maxInterruptionMonths",
                        "waiting.employeeSwitch.minInsuredYears");
    }

    @Test
    void recordsInMapsRecurseButWarningLinesAndCollectionsAreOneLeaf() {
        Map<String, Object> leaves = ParameterPaths.leaves(dongzhi);

        assertThat(leaves)
                .containsEntry("benefits.assistance.MINIMUM_LIVING.ratio", bd("0.70"))
                .containsEntry("benefits.assistance.POVERTY_MONITORING.deductible", bd("2000"))
                .containsEntry("monitoring.warningLines.LOW_INCOME", new WarningLine(bd("10000"), null))
                .containsEntry("waiting.exemptGroups", Set.of(Residence.NEWBORN))
                .containsEntry("benefits.favour.noCap", true);
        assertThat(leaves.get("benefits.criticalIllness.segments")).asList().hasSize(4);
        assertThat(leaves.keySet())
                .noneMatch(path -> path.startsWith("monitoring.warningLines.LOW_INCOME."))
                .noneMatch(path -> path.startsWith("benefits.criticalIllness.segments."));
    }

    @Test
    void nullValuesAreLeavesAndEmptyMapsHaveNone() {
        Benefits b = dongzhi.benefits();
        PolicyParameters withNulls = new PolicyParameters(
                dongzhi.periods(),
                dongzhi.funding(),
                Map.of(),
                dongzhi.waiting(),
                null,
                new Benefits(b.inpatient(), b.criticalIllness(), null, b.assistance(), b.childbirth(), null),
                dongzhi.monitoring());

        Map<String, Object> leaves = ParameterPaths.leaves(withNulls);

        assertThat(leaves)
                .containsEntry("incentives", null)
                .containsEntry("benefits.favour", null)
                .containsEntry("benefits.provincePerCapitaDisposableIncome", null);
        assertThat(leaves.keySet()).noneMatch(path -> path.startsWith("subsidies"));
        Map<HardshipCategory, BigDecimal> withNullValue = new HashMap<>();
        withNullValue.put(HardshipCategory.ORPHAN, null);
        assertThat(ParameterPaths.leaves(new PolicyParameters(
                        dongzhi.periods(),
                        dongzhi.funding(),
                        withNullValue,
                        dongzhi.waiting(),
                        dongzhi.incentives(),
                        dongzhi.benefits(),
                        dongzhi.monitoring())))
                .containsEntry("subsidies.ORPHAN", null);
    }

    @Test
    void dongzhiFixtureHasProvenanceForEveryLeafAndNoneExtra() {
        PolicySnapshot snapshot = TestSnapshots.dongzhi2025();

        assertThat(ParameterPaths.missingProvenance(snapshot)).isEmpty();
        assertThat(snapshot.provenance().keySet())
                .isEqualTo(ParameterPaths.leaves(snapshot.parameters()).keySet());
    }

    @Test
    void missingProvenanceNamesNewLeavesInLeafOrder() {
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(dongzhi.subsidies());
        subsidies.put(HardshipCategory.ORPHAN, bd("400"));
        PolicyParameters withOrphan = new PolicyParameters(
                dongzhi.periods(),
                dongzhi.funding(),
                subsidies,
                dongzhi.waiting(),
                dongzhi.incentives(),
                dongzhi.benefits(),
                dongzhi.monitoring());
        Map<String, Provenance> provenance = new HashMap<>(TestSnapshots.dongzhi2025Provenance());
        provenance.remove("benefits.inpatient.fundRatio");
        PolicySnapshot snapshot = new PolicySnapshot("341721", 2025, 2, FiscalTier.CENTRAL, withOrphan, provenance);

        assertThat(ParameterPaths.missingProvenance(snapshot))
                .containsExactly("subsidies.ORPHAN", "benefits.inpatient.fundRatio");
        assertThat(List.copyOf(ParameterPaths.leaves(withOrphan).keySet()).subList(10, 12))
                .containsExactly("subsidies.EXTREME_POVERTY", "subsidies.ORPHAN");
    }

    @Test
    void renderIsStableAndReadable() {
        assertThat(ParameterPaths.render(bd("0.60"))).isEqualTo("0.60");
        assertThat(ParameterPaths.render(Set.of(
                        HardshipCategory.RELAPSED_POVERTY,
                        HardshipCategory.EXTREME_POVERTY,
                        HardshipCategory.MINIMUM_LIVING)))
                .isEqualTo("[EXTREME_POVERTY, MINIMUM_LIVING, RELAPSED_POVERTY]");
        assertThat(ParameterPaths.render(
                        dongzhi.benefits().criticalIllness().segments().get(0)))
                .isEqualTo("{upTo=35000, ratio=0.60}");
        assertThat(ParameterPaths.render(new WarningLine(null, bd("0.50"))))
                .isEqualTo("{absoluteAmount=null, ratioOfRuralIncome=0.50}");
        assertThat(ParameterPaths.render(null)).isEqualTo("null");
    }
}
