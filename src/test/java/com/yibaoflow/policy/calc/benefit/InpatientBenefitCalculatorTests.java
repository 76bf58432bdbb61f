package com.yibaoflow.policy.calc.benefit;

import static com.yibaoflow.policy.calc.HardshipCategory.EXTREME_POVERTY;
import static com.yibaoflow.policy.calc.HardshipCategory.MINIMUM_LIVING;
import static com.yibaoflow.policy.calc.HardshipCategory.POVERTY_MONITORING;
import static com.yibaoflow.policy.calc.HardshipCategory.RELAPSED_POVERTY;
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

class InpatientBenefitCalculatorTests {

    private final InpatientBenefitCalculator calculator = new InpatientBenefitCalculator();
    private final PolicySnapshot dongzhi = TestSnapshots.dongzhi2025();

    /** A stay; ytd = {basicFundPaid, ciBase, ciPaid, assistanceBase, assistancePaid}. */
    private InpatientResult stay(
            String total, String scope, Set<HardshipCategory> categories, String raise, String... ytd) {
        BigDecimal[] y = new BigDecimal[5];
        for (int i = 0; i < 5; i++) {
            y[i] = i < ytd.length ? bd(ytd[i]) : null;
        }
        return calculator.calculate(
                dongzhi,
                new InpatientInput(
                        bd(total),
                        bd(scope),
                        Delivery.NONE,
                        false,
                        categories,
                        raise == null ? null : bd(raise),
                        y[0],
                        y[1],
                        y[2],
                        y[3],
                        y[4]));
    }

    private InpatientResult delivery(String total, String scope, Delivery delivery, boolean complications) {
        return calculator.calculate(
                dongzhi,
                new InpatientInput(
                        bd(total),
                        bd(scope),
                        delivery,
                        complications,
                        Set.of(),
                        null,
                        bd("500"),
                        null,
                        null,
                        null,
                        null));
    }

    private static String field(Throwable e) {
        return ((InvalidCalculationInputException) e).field();
    }

    @Test
    void R_BEN_01_basicFundPaysTheRatioAboveThePerStayDeductible() {
        InpatientResult result = calculator.calculate(dongzhi, InpatientInput.of(bd("12000"), bd("10000")));

        assertThat(result.basicFundPayment()).isEqualTo(bd("6650.00"));
        assertThat(result.criticalIllnessPayment()).isEqualTo(bd("0.00"));
        assertThat(result.medicalAssistance()).isEqualTo(bd("0.00"));
        assertThat(result.childbirthAllowance()).isEqualTo(bd("0.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("5350.00"));
        assertThat(result.basicFundPaidYtd()).isEqualTo(bd("6650.00"));
        assertThat(result.criticalIllnessBaseYtd()).isEqualTo(bd("3350.00"));
        assertThat(result.criticalIllnessPaidYtd()).isEqualTo(bd("0.00"));
        assertThat(result.assistanceBaseYtd()).isEqualTo(bd("3350.00"));
        assertThat(result.assistancePaidYtd()).isEqualTo(bd("0.00"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-01"))
                .contains(
                        "10000.00 CNY − per-stay deductible 500.00 CNY = 9500.00 CNY, × fund ratio 0.70 = 6650.00 CNY",
                        "benefits.inpatient.fundRatio = 0.70 (SEED: [D] (六) “稳定在 70%左右”)",
                        "benefits.inpatient.deductible = 500 (SAMPLE — confirm locally)");
        assertThat(Steps.textOf(result.explanation(), "R-MON-01")).contains("outside policy scope 2000.00 CNY");
    }

    @Test
    void R_BEN_01_scopeBelowTheDeductiblePaysNothing() {
        InpatientResult result = calculator.calculate(dongzhi, InpatientInput.of(bd("450"), bd("450")));

        assertThat(result.basicFundPayment()).isEqualTo(bd("0.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("450.00"));
    }

    @Test
    void R_BEN_01_basicCapReachedMidYear() {
        InpatientResult result = stay("10000", "10000", Set.of(), null, "98000");

        assertThat(result.basicFundPayment()).isEqualTo(bd("2000.00"));
        assertThat(result.basicFundPaidYtd()).isEqualTo(bd("100000.00"));
        assertThat(result.criticalIllnessBaseYtd()).isEqualTo(bd("8000.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("8000.00"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-01")).contains("leaves 2000.00 CNY");
    }

    @Test
    void R_BEN_02_stayCrossingTheCriticalIllnessDeductible() {
        InpatientResult result = stay("10000", "10000", Set.of(), null, "0", "14000");

        assertThat(result.basicFundPayment()).isEqualTo(bd("6650.00"));
        assertThat(result.criticalIllnessPayment()).isEqualTo(bd("1410.00"));
        assertThat(result.criticalIllnessBaseYtd()).isEqualTo(bd("17350.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("1940.00"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-02"))
                .contains(
                        "from 0.00 CNY to 2350.00 CNY: 2350.00 CNY × 0.60 = 1410.00 CNY",
                        "benefits.criticalIllness.deductible = 15000 (SAMPLE — confirm locally)",
                        "benefits.provincePerCapitaDisposableIncome = 34893",
                        "not above");
    }

    @Test
    void R_BEN_02_largeStaySpansSegmentsAndHitsTheBasicCap() {
        InpatientResult result = stay("210000", "200000", Set.of(), null);

        assertThat(result.basicFundPayment()).isEqualTo(bd("100000.00"));
        assertThat(result.criticalIllnessPayment()).isEqualTo(bd("53500.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("56500.00"));
        assertThat(result.criticalIllnessBaseYtd()).isEqualTo(bd("100000.00"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-02"))
                .contains("35000.00 CNY × 0.60 + 50000.00 CNY × 0.65 = 53500.00 CNY");
    }

    @Test
    void R_BEN_02_criticalIllnessCapReachedMidYearAndTheContinuityRaise() {
        InpatientResult capped = stay("10000", "10000", Set.of(), null, "0", "100000", "109000");
        InpatientResult raised = stay("10000", "10000", Set.of(), "2000", "0", "100000", "109000");

        assertThat(capped.criticalIllnessPayment()).isEqualTo(bd("1000.00"));
        assertThat(capped.criticalIllnessPaidYtd()).isEqualTo(bd("110000.00"));
        assertThat(capped.outOfPocket()).isEqualTo(bd("2350.00"));
        assertThat(raised.criticalIllnessPayment()).isEqualTo(bd("2345.00"));
        assertThat(Steps.textOf(raised.explanation(), "R-BEN-02")).contains("continuity raise 2000.00 CNY");
    }

    @Test
    void R_BEN_06_favouredCategoryGetsLowerDeductibleHigherRatioAndAssistance() {
        InpatientResult result = stay("30000", "30000", Set.of(MINIMUM_LIVING), null);

        assertThat(result.favouredCategory()).isEqualTo(MINIMUM_LIVING);
        assertThat(result.basicFundPayment()).isEqualTo(bd("20650.00"));
        assertThat(result.criticalIllnessPayment()).isEqualTo(bd("1202.50"));
        assertThat(result.medicalAssistance()).isEqualTo(bd("5703.25"));
        assertThat(result.outOfPocket()).isEqualTo(bd("2444.25"));
        assertThat(result.assistanceBaseYtd()).isEqualTo(bd("8147.50"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-06"))
                .contains("deductible reduced to 7500.00 CNY", "+ 0.05", "no annual cap");
    }

    @Test
    void R_BEN_06_favouredCategoryHasNoCriticalIllnessCap() {
        InpatientResult favoured = stay("10000", "10000", Set.of(MINIMUM_LIVING), null, "0", "100000", "110000");
        InpatientResult ordinary = stay("10000", "10000", Set.of(POVERTY_MONITORING), null, "0", "100000", "110000");

        assertThat(favoured.criticalIllnessPayment()).isEqualTo(bd("2512.50"));
        assertThat(ordinary.criticalIllnessPayment()).isEqualTo(bd("0.00"));
    }

    @Test
    void R_BEN_05_assistanceWithoutDeductibleForMinimumLivingAndItsLimitReachedMidYear() {
        InpatientResult result = stay("30000", "30000", Set.of(MINIMUM_LIVING), null, "0", "0", "0", "0", "49500");

        assertThat(result.medicalAssistance()).isEqualTo(bd("500.00"));
        assertThat(result.assistancePaidYtd()).isEqualTo(bd("50000.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("7647.50"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-05"))
                .contains(
                        "benefits.assistance.MINIMUM_LIVING.ratio = 0.70 (EXTERNAL: 国办发〔2021〕42号 特困、低保 assisted at no less than 70 % — confirm locally)",
                        "benefits.assistance.MINIMUM_LIVING.annualLimit = 50000 (SAMPLE — confirm locally)");
    }

    @Test
    void R_BEN_05_annualAssistanceDeductibleCountsCumulatively() {
        InpatientResult first = stay("10000", "10000", Set.of(POVERTY_MONITORING), null);
        InpatientResult later = stay("10000", "10000", Set.of(POVERTY_MONITORING), null, "0", "0", "0", "5000");

        assertThat(first.medicalAssistance()).isEqualTo(bd("810.00"));
        assertThat(first.outOfPocket()).isEqualTo(bd("2540.00"));
        assertThat(later.medicalAssistance()).isEqualTo(bd("2010.00"));
        assertThat(later.assistanceBaseYtd()).isEqualTo(bd("8350.00"));
    }

    @Test
    void R_BEN_05_bestAssistanceCategoryApplies() {
        InpatientResult tie = stay("10000", "10000", Set.of(MINIMUM_LIVING, EXTREME_POVERTY), null);
        InpatientResult ratio = stay("10000", "10000", Set.of(POVERTY_MONITORING, RELAPSED_POVERTY), null);
        InpatientResult none = stay("10000", "10000", Set.of(HardshipCategory.SEVERE_DISABILITY), null);

        assertThat(tie.assistanceCategory()).isEqualTo(EXTREME_POVERTY);
        assertThat(Steps.textOf(tie.explanation(), "R-BEN-05"))
                .contains("best assistance among EXTREME_POVERTY 0.70, " + "MINIMUM_LIVING 0.70");
        assertThat(ratio.assistanceCategory()).isEqualTo(RELAPSED_POVERTY);
        assertThat(ratio.medicalAssistance()).isEqualTo(bd("1527.50"));
        assertThat(none.assistanceCategory()).isNull();
        assertThat(none.medicalAssistance()).isEqualTo(bd("0.00"));
    }

    @Test
    void R_BEN_03_naturalAndCaesareanDeliveryGetTheFixedAllowanceInstead() {
        InpatientResult natural = delivery("3000", "2800", Delivery.NATURAL, false);
        InpatientResult caesarean = delivery("5000", "5000", Delivery.CAESAREAN, false);

        assertThat(natural.childbirthAllowance()).isEqualTo(bd("1600.00"));
        assertThat(natural.basicFundPayment()).isEqualTo(bd("0.00"));
        assertThat(natural.outOfPocket()).isEqualTo(bd("1400.00"));
        assertThat(caesarean.childbirthAllowance()).isEqualTo(bd("2400.00"));
        assertThat(caesarean.basicFundPayment()).isEqualTo(bd("0.00"));
        assertThat(caesarean.criticalIllnessPayment()).isEqualTo(bd("0.00"));
        assertThat(caesarean.outOfPocket()).isEqualTo(bd("2600.00"));
        assertThat(caesarean.basicFundPaidYtd()).as("year-to-date unchanged").isEqualTo(bd("500.00"));
        assertThat(Steps.textOf(caesarean.explanation(), "R-BEN-03"))
                .contains(
                        "instead of the inpatient rules",
                        "benefits.childbirth.caesareanAllowance = 2400 (SEED: [D] (八))");
    }

    @Test
    void R_BEN_03_caesareanWithComplicationsFollowsTheInpatientRulesNeverBoth() {
        InpatientResult result = delivery("12000", "10000", Delivery.CAESAREAN, true);

        assertThat(result.childbirthAllowance()).isEqualTo(bd("0.00"));
        assertThat(result.basicFundPayment()).isEqualTo(bd("6650.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("5350.00"));
        assertThat(Steps.textOf(result.explanation(), "R-BEN-03"))
                .contains("with complications", "no delivery allowance");
    }

    @Test
    void R_BEN_03_allowanceNeverAboveTheTotalCost() {
        InpatientResult result = delivery("1000", "1000", Delivery.NATURAL, false);

        assertThat(result.childbirthAllowance()).isEqualTo(bd("1000.00"));
        assertThat(result.outOfPocket()).isEqualTo(bd("0.00"));
    }

    @Test
    void invalidInputNamesTheField() {
        assertThatThrownBy(() -> stay("1000", "1000.01", Set.of(), null))
                .isInstanceOf(InvalidCalculationInputException.class)
                .satisfies(e -> assertThat(field(e)).isEqualTo("policyScopeCost"));
        assertThatThrownBy(() -> stay("-1", "0", Set.of(), null))
                .satisfies(e -> assertThat(field(e)).isEqualTo("totalCost"));
        assertThatThrownBy(() -> stay("100.001", "0", Set.of(), null))
                .satisfies(e -> assertThat(field(e)).isEqualTo("totalCost"));
        assertThatThrownBy(() -> stay("100", "50", Set.of(), "-5"))
                .satisfies(e -> assertThat(field(e)).isEqualTo("criticalIllnessLimitRaise"));
        assertThatThrownBy(() -> stay("100", "50", Set.of(), null, "0", "0", "-0.01"))
                .satisfies(e -> assertThat(field(e)).isEqualTo("criticalIllnessPaidYtd"));
        assertThatThrownBy(() -> calculator.calculate(dongzhi, InpatientInput.of(bd("100"), null)))
                .satisfies(e -> assertThat(field(e)).isEqualTo("policyScopeCost"));
    }
}
