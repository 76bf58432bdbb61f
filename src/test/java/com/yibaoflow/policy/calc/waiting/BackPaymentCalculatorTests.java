package com.yibaoflow.policy.calc.waiting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.TestSnapshots;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackPaymentCalculatorTests {

    private final BackPaymentCalculator calculator = new BackPaymentCalculator();
    private final PolicySnapshot y2025 = TestSnapshots.dongzhi2025();
    private final PolicySnapshot y2024 = year(2024, "380");
    private final PolicySnapshot y2023 = year(2023, "350");

    /** The Dongzhi set as version 1 of another year, at another individual standard. */
    private static PolicySnapshot year(int year, String standard) {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        PolicyParameters.Funding f = p.funding();
        PolicyParameters q = new PolicyParameters(
                p.periods(),
                new PolicyParameters.Funding(
                        new BigDecimal(standard),
                        f.fiscalSubsidy(),
                        f.centralShareRatio(),
                        f.provinceShareOfLocal(),
                        f.cityShareOfLocal(),
                        f.countyShareOfLocal()),
                p.subsidies(),
                p.waiting(),
                p.incentives(),
                p.benefits(),
                p.monitoring());
        PolicySnapshot s = TestSnapshots.dongzhi2025(q);
        return new PolicySnapshot(s.regionCode(), year, 1, s.fiscalTier(), q, s.provenance());
    }

    private static String field(Throwable e) {
        return ((InvalidCalculationInputException) e).field();
    }

    @Test
    void R_WAIT_04_eachBackPaidYearCostsThatYearsIndividualStandard() {
        var result = calculator.calculate(y2025, 2, 3, Map.of(2024, y2024, 2023, y2023));

        assertThat(result.years()).extracting(BackPaymentCalculator.Year::year).containsExactly(2024, 2023);
        assertThat(result.years())
                .extracting(BackPaymentCalculator.Year::individualStandard)
                .containsExactly(new BigDecimal("380.00"), new BigDecimal("350.00"));
        assertThat(result.total()).isEqualByComparingTo("730.00");
        assertThat(result.total().scale()).isEqualTo(2);
        assertThat(result.explanation().get(0).text())
                .contains("R-WAIT-04")
                .contains("2024")
                .contains("341721/2024 v1")
                .contains("funding.individualStandard = 380.00 (SEED");
    }

    @Test
    void R_WAIT_04_onlyTheMissedYearsArePaidBack() {
        var result = calculator.calculate(y2025, 3, 1, Map.of(2024, y2024, 2023, y2023));

        assertThat(result.count()).isEqualTo(1);
        assertThat(result.total()).isEqualByComparingTo("380.00");
        assertThat(result.explanation()).anySatisfy(s -> assertThat(s.text()).contains("only 1 missed year"));
    }

    @Test
    void R_WAIT_04_noBackPaymentCostsNothing() {
        var result = calculator.calculate(y2025, 0, 4, Map.of());

        assertThat(result.count()).isZero();
        assertThat(result.total()).isEqualByComparingTo("0.00");
        assertThat(result.explanation()).isEmpty();
    }

    @Test
    void R_WAIT_04_aYearWithoutPolicyVersionIsRefusedNeverPricedAtTodaysStandard() {
        assertThatThrownBy(() -> calculator.calculate(y2025, 2, 2, Map.of(2024, y2024)))
                .isInstanceOf(InvalidCalculationInputException.class)
                .hasMessageContaining("2023")
                .satisfies(e -> assertThat(field(e)).isEqualTo("paidBackYears"));
    }

    @Test
    void R_WAIT_04_aFullPaymentCoversEveryYear() {
        var back = calculator.calculate(y2025, 2, 2, Map.of(2024, y2024, 2023, y2023));

        var covered = calculator.covered(y2025, back, new BigDecimal("400.00"), new BigDecimal("1130.00"));

        assertThat(covered.yearsCovered()).isEqualTo(2);
        assertThat(covered.uncounted()).isEqualByComparingTo("0");
        assertThat(covered.explanation().text()).contains("all 2 back-paid year(s)");
    }

    @Test
    void R_WAIT_04_aPartialPaymentCountsWholeYearsOnlyAndSaysSo() {
        var back = calculator.calculate(y2025, 2, 2, Map.of(2024, y2024, 2023, y2023));

        var covered = calculator.covered(y2025, back, new BigDecimal("400.00"), new BigDecimal("1000.00"));

        assertThat(covered.yearsCovered()).isEqualTo(1);
        assertThat(covered.uncounted()).isEqualByComparingTo("220.00");
        assertThat(covered.explanation().text())
                .contains("partial payment")
                .contains("1 of 2")
                .contains("only whole years count")
                .contains("220.00 CNY count for no year");
    }

    @Test
    void R_WAIT_04_thePersonalDueAloneCoversNoBackPaidYear() {
        var back = calculator.calculate(y2025, 1, 2, Map.of(2024, y2024));

        var covered = calculator.covered(y2025, back, new BigDecimal("40.00"), new BigDecimal("40.00"));

        assertThat(covered.yearsCovered()).isZero();
        assertThat(covered.explanation().text()).contains("0 of 1");
    }

    @Test
    void R_WAIT_04_lessThanThePersonalDueIsRefused() {
        var back = calculator.calculate(y2025, 1, 2, Map.of(2024, y2024));

        assertThatThrownBy(() -> calculator.covered(y2025, back, new BigDecimal("400.00"), new BigDecimal("399.99")))
                .satisfies(e -> assertThat(field(e)).isEqualTo("amount"));
    }
}
