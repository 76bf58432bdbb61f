package com.yibaoflow.policy.calc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.policy.calc.burden.BurdenCalculator;
import com.yibaoflow.policy.calc.burden.BurdenInput;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionProvenance;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodInput;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 item 2, "the figures shown in the API carry the provenance state": each figure's provenance derived from
 * the explanation alone, by rule ID and parameter path (pure, over the Dongzhi 2025 test snapshot).
 */
class FigureProvenanceTests {

    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    private static List<String> parameters(Map<String, List<FigureSource>> provenance, String figure) {
        return provenance.get(figure).stream().map(FigureSource::parameter).toList();
    }

    private static Set<ProvenanceState> states(Map<String, List<FigureSource>> provenance, String figure) {
        return Set.copyOf(
                provenance.get(figure).stream().map(FigureSource::state).toList());
    }

    private ContributionResult contribution(Set<HardshipCategory> categories) {
        return new ContributionCalculator()
                .calculate(dongzhi, new ContributionInput(Residence.LOCAL_HUKOU, categories, null));
    }

    @Test
    void R_FUND_01_personalDueCarriesTheProvenanceOfTheIndividualStandard() {
        Map<String, List<FigureSource>> provenance = contribution(Set.of()).provenance();

        assertThat(provenance.get("personalDue")).singleElement().satisfies(source -> {
            assertThat(source.parameter()).isEqualTo("funding.individualStandard");
            assertThat(source.state()).isEqualTo(ProvenanceState.SEED);
            assertThat(source.source()).isEqualTo("SEED: [D] (二)");
            assertThat(source.confirmation()).isNull();
        });
        // no category applies: the subsidy of 0 comes from no parameter
        assertThat(provenance).doesNotContainKey("subsidy").doesNotContainKey("backPaymentDue");
    }

    @Test
    void R_SUB_09_theSubsidyCarriesOnlyTheAppliedCategorysEntryNotTheOtherClaimedOnes() {
        // 特困 (400) beats 低保 (360): both are explained with their subsidy, only the applied one is the figure's
        Map<String, List<FigureSource>> provenance = contribution(
                        Set.of(HardshipCategory.MINIMUM_LIVING, HardshipCategory.EXTREME_POVERTY))
                .provenance();

        assertThat(parameters(provenance, "subsidy")).containsExactly("subsidies.EXTREME_POVERTY");
        assertThat(parameters(provenance, "personalDue"))
                .containsExactly("funding.individualStandard", "subsidies.EXTREME_POVERTY");
        assertThat(states(provenance, "personalDue")).containsExactly(ProvenanceState.SEED);
    }

    @Test
    void R_FUND_04_theCentralShareIsSeedButTheCountysRemainderCarriesTheSampleSplitOfTheLocalPart() {
        Map<String, List<FigureSource>> provenance = contribution(Set.of()).provenance();

        assertThat(parameters(provenance, "fiscalSubsidy")).containsExactly("funding.fiscalSubsidy");
        assertThat(parameters(provenance, "centralFiscalShare"))
                .containsExactly("funding.fiscalSubsidy", "funding.centralShareRatio");
        assertThat(states(provenance, "centralFiscalShare")).containsExactly(ProvenanceState.SEED);
        assertThat(parameters(provenance, "provinceShare")).endsWith("funding.provinceShareOfLocal");
        assertThat(parameters(provenance, "countyShare"))
                .contains("funding.provinceShareOfLocal", "funding.cityShareOfLocal", "funding.countyShareOfLocal");
        assertThat(states(provenance, "countyShare")).contains(ProvenanceState.SAMPLE, ProvenanceState.SEED);
    }

    @Test
    void R_WAIT_04_theBackPaidYearsAreInTheDueButNotInTheCurrentYearsStandard() {
        // a case's explanation: this year's R-FUND-01 standard and a back-paid year's standard (R-WAIT-04), both
        // funding.individualStandard; the rule ID tells them apart
        ParameterUse thisYear =
                new ParameterUse("funding.individualStandard", "400", "SEED: [D] (二)", ProvenanceState.SEED);
        ParameterUse lastYear = new ParameterUse(
                "funding.individualStandard", "380", "EXTERNAL: [G] 2024 — confirm locally", ProvenanceState.EXTERNAL);
        List<ExplanationStep> explanation = List.of(
                new ExplanationStep("R-FUND-01", "[D] (二)", "standard", List.of(thisYear)),
                new ExplanationStep("R-WAIT-04", "[G]", "back-paid 2024", List.of(lastYear)));

        Map<String, List<FigureSource>> provenance = ContributionProvenance.of(explanation, null);

        assertThat(states(provenance, "individualStandard")).containsExactly(ProvenanceState.SEED);
        assertThat(states(provenance, "currentYearDue")).containsExactly(ProvenanceState.SEED);
        assertThat(states(provenance, "backPaymentDue")).containsExactly(ProvenanceState.EXTERNAL);
        assertThat(provenance.get("personalDue"))
                .extracting(FigureSource::state)
                .containsExactly(ProvenanceState.SEED, ProvenanceState.EXTERNAL);
    }

    @Test
    void R_WAIT_02_theFixedMonthsAreExternalAndAContinuousEnrollmentHasNone() {
        WaitingPeriodCalculator calculator = new WaitingPeriodCalculator();
        LocalDate adult = LocalDate.of(1980, 5, 1);
        WaitingPeriodResult gap = calculator.calculate(
                dongzhi,
                new WaitingPeriodInput(2025, LocalDate.of(2025, 3, 10), adult, Residence.LOCAL_HUKOU, Set.of(2022), 0));

        assertThat(gap.provenance().get("fixedMonths")).singleElement().satisfies(source -> {
            assertThat(source.parameter()).isEqualTo("waiting.fixedMonths");
            assertThat(source.state()).isEqualTo(ProvenanceState.EXTERNAL);
            assertThat(source.source()).contains("国办发〔2024〕38号", "confirm locally");
        });
        assertThat(parameters(gap.provenance(), "variableMonths")).contains("waiting.monthsPerGapYear");
        // 1 month per missed year is [G]'s; whether the first missed year counts is the region's reading, a SAMPLE
        assertThat(gap.provenance().get("variableMonths"))
                .filteredOn(s -> s.parameter().equals("waiting.monthsPerGapYear"))
                .extracting(FigureSource::state)
                .containsExactly(ProvenanceState.EXTERNAL);
        assertThat(states(gap.provenance(), "variableMonths")).contains(ProvenanceState.SAMPLE);
        assertThat(parameters(gap.provenance(), "benefitStartDate"))
                .contains("waiting.fixedMonths", "waiting.monthsPerGapYear", "periods.coverageStart");
        assertThat(states(gap.provenance(), "benefitStartDate"))
                .contains(ProvenanceState.SEED, ProvenanceState.EXTERNAL);

        WaitingPeriodResult continuous = calculator.calculate(
                dongzhi,
                new WaitingPeriodInput(
                        2025, LocalDate.of(2024, 11, 15), adult, Residence.LOCAL_HUKOU, Set.of(2024), 0));
        assertThat(continuous.provenance()).doesNotContainKeys("fixedMonths", "variableMonths");
        assertThat(states(continuous.provenance(), "exempt")).containsExactly(ProvenanceState.SEED);
    }

    @Test
    void R_MON_02_theWarningLineIsASample() {
        var result = new BurdenCalculator()
                .calculate(
                        dongzhi,
                        new BurdenInput(PolicyParameters.PopulationGroup.LOW_INCOME, TestSnapshots.bd("12000")));

        assertThat(parameters(result.provenance(), "warningLine"))
                .containsExactly("monitoring.warningLines.LOW_INCOME");
        assertThat(states(result.provenance(), "warningLine")).containsExactly(ProvenanceState.SAMPLE);
        assertThat(result.provenance().get("status"))
                .isEqualTo(result.provenance().get("warningLine"));
    }

    @Test
    void aFigureAnOfficeConfirmedByItsOwnDocumentCarriesTheConfirmationAndKeepsItsState() {
        LocalConfirmation confirmed = new LocalConfirmation("东医保〔2025〕3号", LocalDate.of(2025, 2, 1), "supervisor");
        PolicySnapshot withConfirmation = new PolicySnapshot(
                dongzhi.regionCode(),
                dongzhi.coverageYear(),
                dongzhi.version(),
                dongzhi.fiscalTier(),
                dongzhi.parameters(),
                dongzhi.provenance(),
                Map.of("waiting.fixedMonths", confirmed));

        WaitingPeriodResult result = new WaitingPeriodCalculator()
                .calculate(
                        withConfirmation,
                        new WaitingPeriodInput(
                                2025,
                                LocalDate.of(2025, 3, 10),
                                LocalDate.of(1980, 5, 1),
                                Residence.LOCAL_HUKOU,
                                Set.of(2024),
                                0));

        assertThat(result.provenance().get("fixedMonths")).singleElement().satisfies(source -> {
            assertThat(source.state()).isEqualTo(ProvenanceState.EXTERNAL);
            assertThat(source.confirmation()).isEqualTo(confirmed);
        });
        assertThat(result.explanation())
                .anySatisfy(step -> assertThat(step.text())
                        .contains(
                                "waiting.fixedMonths = 3 (EXTERNAL: ",
                                "CONFIRMED by local document 东医保〔2025〕3号 of 2025-02-01"));
        // a figure no office confirmed has none
        assertThat(result.provenance().get("benefitStartDate"))
                .filteredOn(s -> s.parameter().equals("periods.coverageStart"))
                .singleElement()
                .satisfies(s -> assertThat(s.confirmation()).isNull());
    }

    @Test
    void theProvenanceIsPartOfTheResultsJsonAndAnUnconfirmedUseStoresNoConfirmation() throws Exception {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        ContributionResult result = contribution(Set.of(HardshipCategory.MINIMUM_LIVING));

        var tree = json.readTree(json.writeValueAsString(result));

        assertThat(tree.at("/provenance/personalDue/0/state").asText()).isEqualTo("SEED");
        assertThat(tree.at("/provenance/subsidy/0/parameter").asText()).isEqualTo("subsidies.MINIMUM_LIVING");
        assertThat(tree.at("/explanation/1/parameters/0").has("confirmation")).isFalse();
        ParameterUse read = json.readValue(
                "{\"path\":\"waiting.fixedMonths\",\"value\":\"3\",\"provenance\":\"EXTERNAL: [G]\",\"state\":\"EXTERNAL\","
                        + "\"confirmation\":{\"documentNumber\":\"东医保〔2025〕3号\",\"documentDate\":\"2025-02-01\","
                        + "\"confirmedBy\":\"s\"}}",
                ParameterUse.class);
        assertThat(read.confirmation().documentNumber()).isEqualTo("东医保〔2025〕3号");
    }
}
