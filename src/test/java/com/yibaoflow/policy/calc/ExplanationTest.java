package com.yibaoflow.policy.calc;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.yibaoflow.policy.calc.TestSnapshots.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExplanationTest {

    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();

    @Test
    void stepTextCitesRuleClauseValueAndConfirmedProvenance() {
        Explanation explanation = new Explanation(snapshot);
        explanation.step(Rule.R_FUND_01, "standard 400.00 CNY.",
                explanation.param("funding.individualStandard", bd("400")));

        ExplanationStep step = explanation.steps().get(0);
        assertThat(step.ruleId()).isEqualTo("R-FUND-01");
        assertThat(step.clause()).isEqualTo("[D] (二)");
        assertThat(step.text()).isEqualTo("R-FUND-01 [D] (二): standard 400.00 CNY. "
                + "[funding.individualStandard = 400 (confirmed: [D] (二))]");
        assertThat(step.parameters()).containsExactly(
                new ParameterUse("funding.individualStandard", "400", "confirmed: [D] (二)", true));
    }

    @Test
    void sampleParametersAreFlagged() {
        Explanation explanation = new Explanation(snapshot);
        explanation.step(Rule.R_BEN_01, "deductible.", explanation.param("benefits.inpatient.deductible", bd("500")));

        assertThat(explanation.steps().get(0).parameters().get(0))
                .isEqualTo(new ParameterUse("benefits.inpatient.deductible", "500", "SAMPLE — confirm locally", false));
        assertThat(explanation.steps().get(0).text()).endsWith("(SAMPLE — confirm locally)]");
    }

    @Test
    void parameterWithoutProvenanceIsADataError() {
        Explanation explanation = new Explanation(snapshot);

        assertThatThrownBy(() -> explanation.param("subsidies.ORPHAN", bd("400")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("subsidies.ORPHAN");
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
