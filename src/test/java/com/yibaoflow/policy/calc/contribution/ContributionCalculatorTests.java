package com.yibaoflow.policy.calc.contribution;

import static com.yibaoflow.policy.calc.HardshipCategory.ENTITLED_GROUP;
import static com.yibaoflow.policy.calc.HardshipCategory.EXTREME_POVERTY;
import static com.yibaoflow.policy.calc.HardshipCategory.MINIMUM_LIVING;
import static com.yibaoflow.policy.calc.HardshipCategory.ORPHAN;
import static com.yibaoflow.policy.calc.HardshipCategory.POVERTY_MONITORING;
import static com.yibaoflow.policy.calc.HardshipCategory.SEVERE_DISABILITY;
import static com.yibaoflow.policy.calc.TestSnapshots.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.Steps;
import com.yibaoflow.policy.calc.TestSnapshots;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ContributionCalculatorTests {

    private final ContributionCalculator calculator = new ContributionCalculator();
    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    private ContributionResult calculate(Residence residence, HardshipCategory... categories) {
        return calculator.calculate(dongzhi, new ContributionInput(residence, Set.of(categories), null));
    }

    @Test
    void R_FUND_01_noCategoryPaysTheFullStandard() {
        ContributionResult result = calculate(Residence.LOCAL_HUKOU);

        assertThat(result.individualStandard()).isEqualTo(bd("400.00"));
        assertThat(result.appliedCategory()).isNull();
        assertThat(result.subsidy()).isEqualTo(bd("0.00"));
        assertThat(result.personalDue()).isEqualTo(bd("400.00"));
        assertThat(result.policyVersion()).isEqualTo("341721/2025 v1");
        assertThat(Steps.textOf(result.explanation(), "R-FUND-01"))
                .contains("400.00 CNY", "funding.individualStandard = 400 (SEED: [D] (二))");
    }

    @ParameterizedTest(name = "{0}: subsidy {1}, pays {2}")
    @CsvSource({
        "EXTREME_POVERTY, 400.00, 0.00, R-SUB-01",
        "MINIMUM_LIVING, 360.00, 40.00, R-SUB-02",
        "ENTITLED_GROUP, 360.00, 40.00, R-SUB-03",
        "FAMILY_PLANNING_SPECIAL, 360.00, 40.00, R-SUB-04",
        "RELAPSED_POVERTY, 320.00, 80.00, R-SUB-05",
        "POVERTY_MONITORING, 200.00, 200.00, R-SUB-06",
        "RETIRED_FISHERMAN, 240.00, 160.00, R-SUB-07",
        "SEVERE_DISABILITY, 160.00, 240.00, R-SUB-08"
    })
    void R_SUB_01_to_08_fixedSubsidyPerCategory(
            HardshipCategory category, BigDecimal subsidy, BigDecimal due, String ruleId) {
        ContributionResult result = calculate(Residence.LOCAL_HUKOU, category);

        assertThat(result.appliedCategory()).isEqualTo(category);
        assertThat(result.subsidy()).isEqualTo(subsidy);
        assertThat(result.personalDue()).isEqualTo(due);
        assertThat(Steps.textOf(result.explanation(), ruleId))
                .contains("subsidies." + category.name(), "SEED: [D] (十二)", "= " + due.toPlainString() + " CNY");
    }

    @Test
    void R_SUB_09_highestCategoryWins() {
        ContributionResult result =
                calculate(Residence.LOCAL_HUKOU, SEVERE_DISABILITY, POVERTY_MONITORING, MINIMUM_LIVING);

        assertThat(result.appliedCategory()).isEqualTo(MINIMUM_LIVING);
        assertThat(result.subsidy()).isEqualTo(bd("360.00"));
        assertThat(result.personalDue()).isEqualTo(bd("40.00"));
        assertThat(Steps.textOf(result.explanation(), "R-SUB-09"))
                .contains(
                        "never added up",
                        "MINIMUM_LIVING (360.00 CNY) among MINIMUM_LIVING 360.00 CNY, POVERTY_MONITORING 200.00 CNY, "
                                + "SEVERE_DISABILITY 160.00 CNY");
    }

    @Test
    void R_SUB_09_tieIsBrokenByCategoryOrderAndExplained() {
        ContributionResult result = calculate(Residence.LOCAL_HUKOU, ENTITLED_GROUP, MINIMUM_LIVING);

        assertThat(result.appliedCategory()).isEqualTo(MINIMUM_LIVING);
        assertThat(result.subsidy()).isEqualTo(bd("360.00"));
        assertThat(Steps.textOf(result.explanation(), "R-SUB-09"))
                .contains("tie between MINIMUM_LIVING, ENTITLED_GROUP broken by category order");
    }

    @Test
    void R_SUB_13_orphanHasNoSubsidyInDongzhi2025AndIsIgnored() {
        ContributionResult alone = calculate(Residence.LOCAL_HUKOU, ORPHAN);
        ContributionResult withMinimumLiving = calculate(Residence.LOCAL_HUKOU, ORPHAN, MINIMUM_LIVING);

        assertThat(alone.appliedCategory()).isNull();
        assertThat(alone.personalDue()).isEqualTo(bd("400.00"));
        assertThat(Steps.textOf(alone.explanation(), "R-SUB-13"))
                .contains("ORPHAN (孤儿) is claimed but has no subsidy in policy 341721/2025 v1; it is ignored");
        assertThat(withMinimumLiving.appliedCategory()).isEqualTo(MINIMUM_LIVING);
        assertThat(withMinimumLiving.personalDue()).isEqualTo(bd("40.00"));
    }

    @Test
    void R_SUB_13_orphanFullSubsidyWhereTheRegionGrantsIt() {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        Map<HardshipCategory, BigDecimal> subsidies = new EnumMap<>(p.subsidies());
        subsidies.put(ORPHAN, bd("400"));
        subsidies.put(EXTREME_POVERTY, bd("450"));
        PolicyParameters withOrphan = new PolicyParameters(
                p.periods(), p.funding(), subsidies, p.waiting(), p.incentives(), p.benefits(), p.monitoring());
        Map<String, Provenance> provenance = new HashMap<>(TestSnapshots.dongzhi2025Provenance());
        provenance.put("subsidies.ORPHAN", TestSnapshots.seed("R-SUB-13", "[N]", "二"));
        PolicySnapshot snapshot = new PolicySnapshot("341721", 2025, 2, dongzhi.fiscalTier(), withOrphan, provenance);

        ContributionResult orphan =
                calculator.calculate(snapshot, new ContributionInput(Residence.LOCAL_HUKOU, Set.of(ORPHAN), null));
        ContributionResult capped = calculator.calculate(
                snapshot, new ContributionInput(Residence.LOCAL_HUKOU, Set.of(EXTREME_POVERTY), null));

        assertThat(orphan.subsidy()).isEqualTo(bd("400.00"));
        assertThat(orphan.personalDue()).isEqualTo(bd("0.00"));
        assertThat(capped.subsidy()).as("subsidy never exceeds the standard").isEqualTo(bd("400.00"));
        assertThat(capped.personalDue()).isEqualTo(bd("0.00"));
        assertThat(Steps.textOf(capped.explanation(), "R-SUB-09")).contains("exceeds the standard");
    }

    @Test
    void R_SUB_10_11_12_appliedCategoryExplainsRosterAndWorkflowRules() {
        ContributionResult result = calculate(Residence.LOCAL_HUKOU, POVERTY_MONITORING);

        assertThat(Steps.textOf(result.explanation(), "R-SUB-12")).contains("agriculture & rural affairs (农业农村)");
        assertThat(Steps.textOf(result.explanation(), "R-SUB-10")).contains("not refunded", "not adjusted");
        assertThat(Steps.textOf(result.explanation(), "R-SUB-11")).contains("from the next coverage year");
        assertThat(Steps.ruleIds(calculate(Residence.LOCAL_HUKOU).explanation()))
                .doesNotContain("R-SUB-10", "R-SUB-11", "R-SUB-12");
    }

    @Test
    void R_SUB_11_anAppliedEntitlementIsExplainedWithItsOutcome() {
        ContributionResult result = calculator.calculate(
                dongzhi,
                new ContributionInput(
                        Residence.LOCAL_HUKOU,
                        Set.of(MINIMUM_LIVING),
                        null,
                        List.of(new EntitlementOutcome(MINIMUM_LIVING, true, "R-SUB-11：……本年度资助适用。"))));

        assertThat(result.personalDue()).isEqualTo(bd("40.00"));
        assertThat(result.explanation())
                .filteredOn(step -> step.ruleId().equals("R-SUB-11"))
                .anySatisfy(step -> assertThat(step.text())
                        .contains("MINIMUM_LIVING", "subsidy of 2025", "is applied", "still lists", "本年度资助适用"));
    }

    @Test
    void R_SUB_11_aLapsedEntitlementIsExplainedAsReportedAndNotApplied() {
        ContributionResult result = calculator.calculate(
                dongzhi,
                new ContributionInput(
                        Residence.LOCAL_HUKOU,
                        Set.of(),
                        null,
                        List.of(new EntitlementOutcome(MINIMUM_LIVING, false, "R-SUB-11：……不予适用"))));

        assertThat(result.personalDue())
                .as("a lapsed entitlement changes no figure")
                .isEqualTo(bd("400.00"));
        assertThat(Steps.textOf(result.explanation(), "R-SUB-11"))
                .contains("MINIMUM_LIVING", "has lapsed", "no longer lists", "not applied", "不予适用");
        assertThatThrownBy(() -> calculator.calculate(
                        dongzhi,
                        new ContributionInput(
                                Residence.LOCAL_HUKOU,
                                Set.of(),
                                null,
                                List.of(new EntitlementOutcome(null, false, null)))))
                .isInstanceOf(InvalidCalculationInputException.class)
                .hasMessageContaining("entitlements.category");
    }

    @Test
    void R_FUND_02_R_FUND_04_centralAndLocalShares() {
        ContributionResult result = calculate(Residence.LOCAL_HUKOU);

        assertThat(result.fiscalSubsidy()).isEqualTo(bd("670.00"));
        assertThat(result.centralFiscalShare()).isEqualTo(bd("402.00"));
        assertThat(result.localFiscalShare()).isEqualTo(bd("268.00"));
        assertThat(result.provinceShare()).isEqualTo(bd("107.20"));
        assertThat(result.cityShare()).isEqualTo(bd("80.40"));
        assertThat(result.countyShare()).isEqualTo(bd("80.40"));
        assertThat(Steps.textOf(result.explanation(), "R-FUND-04"))
                .contains(
                        "fiscal tier CENTRAL",
                        "670.00 CNY × 0.60 = 402.00 CNY",
                        "funding.provinceShareOfLocal = 0.40 (SAMPLE — confirm locally)");
    }

    @Test
    void R_FUND_04_countyTakesTheRoundingRemainder() {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        PolicyParameters.Funding f = p.funding();
        PolicyParameters odd = new PolicyParameters(
                p.periods(),
                new PolicyParameters.Funding(
                        f.individualStandard(), bd("700.01"), bd("0.60"), bd("0.35"), bd("0.35"), bd("0.30")),
                p.subsidies(),
                p.waiting(),
                p.incentives(),
                p.benefits(),
                p.monitoring());

        ContributionResult result = calculator.calculate(
                TestSnapshots.dongzhi2025(odd), new ContributionInput(Residence.LOCAL_HUKOU, Set.of(), null));

        assertThat(result.centralFiscalShare()).isEqualTo(bd("420.01"));
        assertThat(result.localFiscalShare()).isEqualTo(bd("280.00"));
        assertThat(result.provinceShare()).isEqualTo(bd("98.00"));
        assertThat(result.cityShare()).isEqualTo(bd("98.00"));
        assertThat(result.countyShare()).isEqualTo(bd("84.00"));
    }

    @Test
    void R_FUND_05_nonLocalResidentGetsTheSameFiscalSubsidy() {
        ContributionResult local = calculate(Residence.LOCAL_HUKOU, MINIMUM_LIVING);
        ContributionResult nonLocal = calculate(Residence.NON_LOCAL_RESIDENT, MINIMUM_LIVING);

        assertThat(nonLocal.fiscalSubsidy()).isEqualTo(local.fiscalSubsidy()).isEqualTo(bd("670.00"));
        assertThat(nonLocal.personalDue()).isEqualTo(bd("40.00"));
        assertThat(Steps.textOf(nonLocal.explanation(), "R-FUND-05")).contains("same fiscal subsidy", "670.00 CNY");
        assertThat(Steps.ruleIds(local.explanation())).doesNotContain("R-FUND-05");
    }

    @ParameterizedTest
    @EnumSource(Residence.class)
    void R_ELIG_01_everyResidenceBasisIsEligibleAndExplained(Residence residence) {
        ContributionResult result = calculate(residence);

        assertThat(result.explanation().get(0).ruleId()).isEqualTo("R-ELIG-01");
        assertThat(result.explanation().get(0).text()).startsWith("R-ELIG-01 [D] (三), [N] 二: eligible to enroll as");
        assertThat(result.personalDue()).isEqualTo(bd("400.00"));
    }

    @Test
    void R_FUND_06_closeRelativePayerIsRecordedWithMaskedId() {
        Payer payer = new Payer("342921198001011234", "王芳", Relationship.PARENT);

        ContributionResult result =
                calculator.calculate(dongzhi, new ContributionInput(Residence.STUDENT, Set.of(), payer));

        assertThat(result.payer()).isEqualTo(payer);
        assertThat(Steps.textOf(result.explanation(), "R-FUND-06"))
                .contains("王芳", "****1234", "PARENT", "400.00 CNY")
                .doesNotContain("342921198001011234");
    }

    @Test
    void invalidInputNamesTheField() {
        assertThatThrownBy(() -> calculator.calculate(dongzhi, new ContributionInput(null, Set.of(), null)))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("residence"));
        assertThatThrownBy(() -> calculator.calculate(
                        dongzhi,
                        new ContributionInput(
                                Residence.LOCAL_HUKOU, null, new Payer("342921198001011234", "王芳", null))))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("payer.relationship"));
        assertThatThrownBy(() -> calculator.calculate(
                        dongzhi,
                        new ContributionInput(Residence.LOCAL_HUKOU, null, new Payer(" ", "王芳", Relationship.SPOUSE))))
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("payer.idNumber"));
        Set<HardshipCategory> withNull = new HashSet<>();
        withNull.add(null);
        assertThatThrownBy(() ->
                        calculator.calculate(dongzhi, new ContributionInput(Residence.LOCAL_HUKOU, withNull, null)))
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("categories"));
        assertThatThrownBy(() -> calculator.calculate(dongzhi, null))
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("input"));
    }

    @Test
    void nullCategoriesReadAsNone() {
        ContributionResult result =
                calculator.calculate(dongzhi, new ContributionInput(Residence.LOCAL_HUKOU, null, null));

        assertThat(result.personalDue()).isEqualTo(bd("400.00"));
        assertThat(Steps.textOf(result.explanation(), "R-SUB-09")).contains("no hardship category claimed");
    }
}
