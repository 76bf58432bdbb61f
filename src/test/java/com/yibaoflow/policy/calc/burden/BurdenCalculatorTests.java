package com.yibaoflow.policy.calc.burden;

import static com.yibaoflow.policy.calc.TestSnapshots.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicyParameters.Monitoring;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicyParameters.WarningLine;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Steps;
import com.yibaoflow.policy.calc.TestSnapshots;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BurdenCalculatorTests {

    private final BurdenCalculator calculator = new BurdenCalculator();
    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    private BurdenResult calculate(PopulationGroup group, String outOfPocket) {
        return calculator.calculate(dongzhi, new BurdenInput(group, outOfPocket == null ? null : bd(outOfPocket)));
    }

    private static String field(Throwable e) {
        return ((InvalidCalculationInputException) e).field();
    }

    @ParameterizedTest(name = "{0}: line {1}")
    @CsvSource({"LOW_INCOME, 10000.00", "FORMERLY_POOR, 10572.00", "RURAL_OTHER, 21144.00", "OTHER, 26000.00"})
    void R_MON_02_warningLinePerPopulationGroup(PopulationGroup group, BigDecimal line) {
        BurdenResult result = calculate(group, "5000");

        assertThat(result.warningLine()).isEqualTo(line);
        assertThat(result.status()).isEqualTo(BurdenStatus.BELOW);
        assertThat(result.amountBelowLine()).isEqualTo(line.subtract(bd("5000")));
        assertThat(result.amountOverLine()).isEqualTo(bd("0.00"));
        assertThat(Steps.textOf(result.explanation(), "R-MON-02"))
                .contains("monitoring.warningLines." + group + " = {absoluteAmount=", "(SAMPLE — confirm locally)");
    }

    @Test
    void R_MON_02_ratioLineUsesThePriorYearRuralIncome() {
        BurdenResult result = calculate(PopulationGroup.FORMERLY_POOR, "12000");

        assertThat(result.warningLine()).isEqualTo(bd("10572.00"));
        assertThat(result.status()).isEqualTo(BurdenStatus.WARNING);
        assertThat(result.amountOverLine()).isEqualTo(bd("1428.00"));
        assertThat(result.amountBelowLine()).isEqualTo(bd("0.00"));
        assertThat(Steps.textOf(result.explanation(), "R-MON-02"))
                .contains(
                        "0.50 × prior-year rural per-capita disposable income 21144.00 CNY = 10572.00 CNY",
                        "push to civil affairs and agriculture & rural affairs");
    }

    @Test
    void R_MON_02_reachingTheLineIsAWarning() {
        BurdenResult justBelow = calculate(PopulationGroup.LOW_INCOME, "9999.99");
        BurdenResult atLine = calculate(PopulationGroup.LOW_INCOME, "10000");

        assertThat(justBelow.status()).isEqualTo(BurdenStatus.BELOW);
        assertThat(justBelow.amountBelowLine()).isEqualTo(bd("0.01"));
        assertThat(atLine.status()).isEqualTo(BurdenStatus.WARNING);
        assertThat(atLine.amountOverLine()).isEqualTo(bd("0.00"));
        assertThat(atLine.amountBelowLine()).isEqualTo(bd("0.00"));
    }

    @Test
    void R_MON_01_outOfPocketIsExplainedAndScaled() {
        BurdenResult result = calculate(PopulationGroup.OTHER, "30000.5");

        assertThat(result.outOfPocketYtd()).isEqualTo(bd("30000.50"));
        assertThat(result.amountOverLine()).isEqualTo(bd("4000.50"));
        assertThat(result.explanation().get(0).ruleId()).isEqualTo("R-MON-01");
    }

    @Test
    void invalidInputNamesTheField() {
        assertThatThrownBy(() -> calculate(null, "100"))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(field(e)).isEqualTo("populationGroup"));
        assertThatThrownBy(() -> calculate(PopulationGroup.OTHER, "-0.01"))
                .satisfies(e -> assertThat(field(e)).isEqualTo("outOfPocketYtd"));
        assertThatThrownBy(() -> calculate(PopulationGroup.OTHER, null))
                .satisfies(e -> assertThat(field(e)).isEqualTo("outOfPocketYtd"));
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        PolicySnapshot withoutOther = TestSnapshots.dongzhi2025(new PolicyParameters(
                p.periods(),
                p.funding(),
                p.subsidies(),
                p.waiting(),
                p.incentives(),
                p.benefits(),
                new Monitoring(bd("21144"), Map.of(PopulationGroup.LOW_INCOME, new WarningLine(bd("10000"), null)))));
        assertThatThrownBy(() -> calculator.calculate(withoutOther, new BurdenInput(PopulationGroup.OTHER, bd("1"))))
                .satisfies(e -> assertThat(field(e)).isEqualTo("populationGroup"));
    }
}
