package com.yibaoflow.policy.calc.incentive;

import static com.yibaoflow.policy.calc.TestSnapshots.bd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Steps;
import com.yibaoflow.policy.calc.TestSnapshots;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CriticalIllnessLimitCalculatorTests {

    private final CriticalIllnessLimitCalculator calculator = new CriticalIllnessLimitCalculator();
    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    private CriticalIllnessLimitResult calculate(int continuous, int zeroClaim, HardshipCategory... categories) {
        return calculator.calculate(dongzhi, new CriticalIllnessLimitInput(continuous, zeroClaim, Set.of(categories)));
    }

    @ParameterizedTest(name = "{0} continuous years → raise {1}")
    @CsvSource({"0, 0.00", "4, 0.00", "5, 1000.00", "10, 6000.00"})
    void R_WAIT_06_eachContinuousYearAfterTheFourthRaisesTheLimit(int continuousYears, BigDecimal raise) {
        CriticalIllnessLimitResult result = calculate(continuousYears, 0);

        assertThat(result.originalCap()).isEqualTo(bd("110000.00"));
        assertThat(result.continuityRaise()).isEqualTo(raise);
        assertThat(result.totalRaise()).isEqualTo(raise);
        assertThat(result.raisedLimit()).isEqualTo(bd("110000.00").add(raise));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-06"))
                .contains(
                        "incentives.continuousYearsThreshold = 4 (SEED: [D] (五) “连续参加居民医保满4年”)",
                        "incentives.raisePerContinuousYear = 1000 (SAMPLE — confirm locally)");
    }

    @Test
    void R_WAIT_07_zeroClaimYearsAddToTheContinuityRaise() {
        CriticalIllnessLimitResult result = calculate(10, 3);

        assertThat(result.continuityRaise()).isEqualTo(bd("6000.00"));
        assertThat(result.zeroClaimRaise()).isEqualTo(bd("3000.00"));
        assertThat(result.totalRaise()).isEqualTo(bd("9000.00"));
        assertThat(result.raisedLimit()).isEqualTo(bd("119000.00"));
        assertThat(result.uncapped()).isFalse();
    }

    @Test
    void R_WAIT_07_raisesAreCappedAtTwentyPercentOfTheOriginalCap() {
        CriticalIllnessLimitResult result = calculate(20, 10);

        assertThat(result.continuityRaise()).isEqualTo(bd("16000.00"));
        assertThat(result.zeroClaimRaise()).isEqualTo(bd("10000.00"));
        assertThat(result.totalRaise()).isEqualTo(bd("22000.00"));
        assertThat(result.raisedLimit()).isEqualTo(bd("132000.00"));
        assertThat(Steps.textOf(result.explanation(), "R-WAIT-07"))
                .contains(
                        "at most 0.20 × 110000.00 CNY = 22000.00 CNY",
                        "incentives.raiseCapRatioOfOriginalCap = 0.20 (EXTERNAL: [G] 国办发〔2024〕38号 “累计提高总额不超过…大病保险原封顶线的20%” — confirm locally)");
    }

    @Test
    void R_WAIT_07_exactlyAtTheCapIsNotReduced() {
        assertThat(calculate(16, 10).totalRaise()).isEqualTo(bd("22000.00"));
        assertThat(calculate(15, 10).totalRaise()).isEqualTo(bd("21000.00"));
    }

    @Test
    void R_BEN_06_favouredCategoryWithoutCapIsFlagged() {
        CriticalIllnessLimitResult favoured = calculate(6, 0, HardshipCategory.MINIMUM_LIVING);
        CriticalIllnessLimitResult other = calculate(6, 0, HardshipCategory.POVERTY_MONITORING);

        assertThat(favoured.uncapped()).isTrue();
        assertThat(favoured.raisedLimit()).isEqualTo(bd("112000.00"));
        assertThat(Steps.textOf(favoured.explanation(), "R-BEN-06")).contains("MINIMUM_LIVING is a favoured category");
        assertThat(other.uncapped()).isFalse();
        assertThat(Steps.ruleIds(other.explanation())).doesNotContain("R-BEN-06");
    }

    @Test
    void invalidInputNamesTheField() {
        assertThatThrownBy(() -> calculate(-1, 0))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("continuousYears"));
        assertThatThrownBy(() -> calculate(3, -2))
                .satisfies(e -> assertThat(((InvalidCalculationInputException) e).field())
                        .isEqualTo("zeroClaimYears"));
    }
}
