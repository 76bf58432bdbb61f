package com.yibaoflow.policy.calc;

import static com.yibaoflow.policy.calc.TestSnapshots.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExplanationTests {

    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();

    @Test
    void stepTextCitesRuleClauseValueAndConfirmedProvenance() {
        Explanation explanation = new Explanation(snapshot);
        explanation.step(
                Rule.R_FUND_01, "standard 400.00 CNY.", explanation.param("funding.individualStandard", bd("400")));

        ExplanationStep step = explanation.steps().get(0);
        assertThat(step.ruleId()).isEqualTo("R-FUND-01");
        assertThat(step.clause()).isEqualTo("[D] (二)");
        assertThat(step.text())
                .isEqualTo("R-FUND-01 [D] (二): standard 400.00 CNY. "
                        + "[funding.individualStandard = 400 (SEED: [D] (二))]");
        assertThat(step.parameters())
                .containsExactly(
                        new ParameterUse("funding.individualStandard", "400", "SEED: [D] (二)", ProvenanceState.SEED));
    }

    @Test
    void sampleParametersAreFlagged() {
        Explanation explanation = new Explanation(snapshot);
        explanation.step(Rule.R_BEN_01, "deductible.", explanation.param("benefits.inpatient.deductible", bd("500")));

        assertThat(explanation.steps().get(0).parameters().get(0))
                .isEqualTo(new ParameterUse(
                        "benefits.inpatient.deductible", "500", "SAMPLE — confirm locally", ProvenanceState.SAMPLE));
        assertThat(explanation.steps().get(0).text()).endsWith("(SAMPLE — confirm locally)]");
    }

    @Test
    void externalParametersNameTheirDocumentAndAreNeverShownAsSeed() {
        Explanation explanation = new Explanation(snapshot);
        explanation.step(Rule.R_WAIT_02, "fixed.", explanation.param("waiting.fixedMonths", 3));

        ParameterUse use = explanation.steps().get(0).parameters().get(0);
        assertThat(use.state()).isEqualTo(ProvenanceState.EXTERNAL);
        assertThat(use.provenance())
                .isEqualTo("EXTERNAL: [G] 国办发〔2024〕38号 “设置参保后固定待遇等待期3个月” — confirm locally")
                .doesNotContain("SEED");
    }

    /** Every figure of the seeded Dongzhi set is in one of the three states, and RULES.md's lists hold. */
    @Test
    void theDongzhiFixtureGivesEachFigureTheStateRulesMdGivesIt() {
        Map<String, Provenance> p = snapshot.provenance();
        for (String external : List.of(
                "waiting.fixedMonths",
                "waiting.monthsPerGapYear",
                "waiting.monthsRemovedPerBackPaidYear",
                "waiting.longGapYears",
                "waiting.longGapMinimumMonths",
                "incentives.raiseCapRatioOfOriginalCap",
                "benefits.assistance.EXTREME_POVERTY.ratio",
                "benefits.assistance.EXTREME_POVERTY.deductible",
                "benefits.assistance.MINIMUM_LIVING.ratio",
                "benefits.assistance.MINIMUM_LIVING.deductible")) {
            assertThat(p.get(external).state()).as(external).isEqualTo(ProvenanceState.EXTERNAL);
        }
        for (String seed : List.of(
                "funding.individualStandard",
                "funding.fiscalSubsidy",
                "subsidies.EXTREME_POVERTY",
                "subsidies.SEVERE_DISABILITY",
                "benefits.childbirth.naturalAllowance",
                "benefits.childbirth.caesareanAllowance",
                "waiting.newbornGraceDays",
                "benefits.inpatient.fundRatio",
                "periods.collectionStart",
                "periods.coverageEnd")) {
            assertThat(p.get(seed).state()).as(seed).isEqualTo(ProvenanceState.SEED);
            assertThat(p.get(seed).source()).as(seed).matches("\\[[DN]\\]");
        }
        for (String sample : List.of(
                "benefits.criticalIllness.deductible",
                "benefits.criticalIllness.segments",
                "benefits.criticalIllness.annualCap",
                "benefits.provincePerCapitaDisposableIncome",
                "benefits.assistance.RELAPSED_POVERTY.ratio",
                "monitoring.warningLines.OTHER")) {
            assertThat(p.get(sample).state()).as(sample).isEqualTo(ProvenanceState.SAMPLE);
        }
        // a SEED figure cites a seed, nothing else
        p.forEach((path, provenance) -> {
            if (provenance.state() == ProvenanceState.SEED) {
                assertThat(provenance.source()).as(path).isIn("[D]", "[N]");
            }
        });
    }

    /** Explanations stored before the three states carried {@code confirmed}; they are still read, correctly. */
    @Test
    void explanationsStoredWithTheOldConfirmedFlagAreReadInTheThreeStates() throws Exception {
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        String old = """
                [{"path":"funding.individualStandard","value":"400","provenance":"confirmed: [D] (二)","confirmed":true},
                 {"path":"waiting.fixedMonths","value":"3","provenance":"confirmed: [G] “设置参保后固定待遇等待期3个月”",
                  "confirmed":true},
                 {"path":"benefits.inpatient.deductible","value":"500","provenance":"SAMPLE — confirm locally",
                  "confirmed":false}]""";
        List<ParameterUse> read = json.readValue(old, new TypeReference<List<ParameterUse>>() {});
        assertThat(read)
                .extracting(ParameterUse::state)
                .containsExactly(ProvenanceState.SEED, ProvenanceState.EXTERNAL, ProvenanceState.SAMPLE);

        ParameterUse now = new ParameterUse("waiting.fixedMonths", "3", "EXTERNAL: [G] …", ProvenanceState.EXTERNAL);
        String written = json.writeValueAsString(now);
        assertThat(written).doesNotContain("confirmed").contains("\"state\":\"EXTERNAL\"");
        assertThat(json.readValue(written, ParameterUse.class)).isEqualTo(now);
    }

    @Test
    void parameterWithoutProvenanceIsADataError() {
        Explanation explanation = new Explanation(snapshot);

        assertThatThrownBy(() -> explanation.param("subsidies.ORPHAN", bd("400")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("subsidies.ORPHAN");
    }

    @Test
    void stepsAreInOrderAndImmutable() {
        Explanation explanation = new Explanation(snapshot);
        explanation.step(Rule.R_SUB_09, "first.").step(Rule.R_SUB_12, "second.");

        List<ExplanationStep> steps = explanation.steps();
        assertThat(Steps.ruleIds(steps)).containsExactly("R-SUB-09", "R-SUB-12");
        assertThat(steps.get(1).clause()).isEqualTo("[D] (十二), (十五)");
        assertThatThrownBy(() -> steps.add(steps.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void moneyRoundsHalfUpOnlyWhenMultiplyingByARatio() {
        assertThat(Money.times(bd("0.05"), bd("0.50"))).isEqualByComparingTo("0.03");
        assertThat(Money.times(bd("268.00"), bd("0.40"))).isEqualTo(bd("107.20"));
        assertThat(Money.of(bd("400"))).isEqualTo(bd("400.00"));
        assertThat(Money.positivePart(bd("-1"))).isEqualTo(bd("0.00"));
        assertThatThrownBy(() -> Money.of(bd("1.005"))).isInstanceOf(IllegalStateException.class);
    }
}
