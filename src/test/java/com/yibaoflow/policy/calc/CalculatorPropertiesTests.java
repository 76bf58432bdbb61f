package com.yibaoflow.policy.calc;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.policy.calc.PolicyParameters.Funding;
import com.yibaoflow.policy.calc.benefit.Delivery;
import com.yibaoflow.policy.calc.benefit.InpatientBenefitCalculator;
import com.yibaoflow.policy.calc.benefit.InpatientInput;
import com.yibaoflow.policy.calc.benefit.InpatientResult;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitCalculator;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitInput;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitResult;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodInput;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the calculators over random inputs (jqwik). */
class CalculatorPropertiesTests {

    private static final PolicySnapshot DONGZHI = TestSnapshots.dongzhi2025();

    private final ContributionCalculator contribution = new ContributionCalculator();
    private final InpatientBenefitCalculator inpatient = new InpatientBenefitCalculator();
    private final WaitingPeriodCalculator waiting = new WaitingPeriodCalculator();
    private final CriticalIllnessLimitCalculator limit = new CriticalIllnessLimitCalculator();

    /** R-SUB-09 and R-FUND-04: subsidy + personal due = standard; central + local = fiscal; province + city + county = local. */
    @Property
    void contributionFiguresAddUp(
            @ForAll("fundings") Funding funding,
            @ForAll Residence residence,
            @ForAll("categories") Set<HardshipCategory> categories) {
        PolicyParameters p = TestSnapshots.dongzhi2025Parameters();
        PolicySnapshot snapshot = TestSnapshots.dongzhi2025(new PolicyParameters(
                p.periods(), funding, p.subsidies(), p.waiting(), p.incentives(), p.benefits(), p.monitoring()));

        ContributionResult r = contribution.calculate(snapshot, new ContributionInput(residence, categories, null));

        assertThat(r.subsidy().add(r.personalDue())).isEqualTo(r.individualStandard());
        assertThat(r.centralFiscalShare().add(r.localFiscalShare())).isEqualTo(r.fiscalSubsidy());
        assertThat(r.provinceShare().add(r.cityShare()).add(r.countyShare())).isEqualTo(r.localFiscalShare());
        assertThat(Stream.of(
                        r.individualStandard(),
                        r.subsidy(),
                        r.personalDue(),
                        r.fiscalSubsidy(),
                        r.centralFiscalShare(),
                        r.localFiscalShare(),
                        r.provinceShare(),
                        r.cityShare(),
                        r.countyShare()))
                .allSatisfy(CalculatorPropertiesTests::nonNegativeMoney);
        assertThat(r.subsidy()).isLessThanOrEqualTo(r.individualStandard());
    }

    /** R-BEN-01..06: no figure negative, payments never exceed the stay's cost, out-of-pocket is the rest. */
    @Property
    void inpatientPaymentsStayWithinTheCost(@ForAll("stays") InpatientInput input) {
        InpatientResult r = inpatient.calculate(DONGZHI, input);

        BigDecimal payments = r.basicFundPayment()
                .add(r.criticalIllnessPayment())
                .add(r.medicalAssistance())
                .add(r.childbirthAllowance());
        assertThat(payments).isLessThanOrEqualTo(input.totalCost());
        assertThat(r.outOfPocket()).isEqualByComparingTo(input.totalCost().subtract(payments));
        assertThat(Stream.of(
                        r.basicFundPayment(),
                        r.criticalIllnessPayment(),
                        r.medicalAssistance(),
                        r.childbirthAllowance(),
                        r.outOfPocket(),
                        r.basicFundPaidYtd(),
                        r.criticalIllnessBaseYtd(),
                        r.criticalIllnessPaidYtd(),
                        r.assistanceBaseYtd(),
                        r.assistancePaidYtd()))
                .allSatisfy(CalculatorPropertiesTests::nonNegativeMoney);
        assertThat(r.basicFundPayment().add(r.criticalIllnessPayment()).add(r.medicalAssistance()))
                .isLessThanOrEqualTo(input.policyScopeCost());
    }

    /** Raising a stay's cost (outside scope, or inside scope and in total alike) never lowers out-of-pocket. */
    @Property
    void raisingTheCostNeverLowersOutOfPocket(
            @ForAll("stays") InpatientInput input, @ForAll("money") BigDecimal delta) {
        InpatientResult base = inpatient.calculate(DONGZHI, input);
        InpatientResult moreOutsideScope =
                inpatient.calculate(DONGZHI, withCosts(input, input.totalCost().add(delta), input.policyScopeCost()));
        InpatientResult moreInScope = inpatient.calculate(
                DONGZHI,
                withCosts(
                        input,
                        input.totalCost().add(delta),
                        input.policyScopeCost().add(delta)));

        assertThat(moreOutsideScope.outOfPocket()).isGreaterThanOrEqualTo(base.outOfPocket());
        assertThat(moreInScope.outOfPocket()).isGreaterThanOrEqualTo(base.outOfPocket());
    }

    /** R-WAIT-01..05: months never negative, the long-gap floor holds, benefits never before the coverage start. */
    @Property
    void waitingPeriodBounds(
            @ForAll @IntRange(min = 0, max = 484) int paymentDay,
            @ForAll @IntRange(min = 0, max = 12) int missedYears,
            @ForAll @IntRange(min = 0, max = 12) int backPaid,
            @ForAll boolean everCovered) {
        LocalDate paid = LocalDate.of(2024, 9, 1).plusDays(paymentDay);
        Set<Integer> covered = everCovered
                ? IntStream.rangeClosed(2000, 2024 - missedYears).boxed().collect(Collectors.toSet())
                : Set.of();
        int missed = everCovered ? missedYears : 0;
        WaitingPeriodResult r = waiting.calculate(
                DONGZHI,
                new WaitingPeriodInput(
                        2025,
                        paid,
                        LocalDate.of(1970, 1, 1),
                        Residence.LOCAL_HUKOU,
                        covered,
                        Math.min(backPaid, missed)));

        assertThat(r.fixedMonths()).isNotNegative();
        assertThat(r.variableMonths()).isNotNegative();
        assertThat(r.totalMonths()).isEqualTo(r.fixedMonths() + r.variableMonths());
        assertThat(r.missedYears()).isEqualTo(missed);
        assertThat(r.benefitStartDate())
                .isAfterOrEqualTo(LocalDate.of(2025, 1, 1))
                .isAfterOrEqualTo(paid.plusMonths(r.totalMonths()));
        if (missed >= 4) {
            assertThat(r.totalMonths()).isGreaterThanOrEqualTo(6);
        }
        if (missed > 0) {
            assertThat(r.exempt()).isFalse();
        }
    }

    /** R-WAIT-06/07: the raise is never negative and never above 20 % of the original cap. */
    @Property
    void criticalIllnessRaiseIsCapped(
            @ForAll @IntRange(min = 0, max = 60) int continuous, @ForAll @IntRange(min = 0, max = 60) int zeroClaim) {
        CriticalIllnessLimitResult r =
                limit.calculate(DONGZHI, new CriticalIllnessLimitInput(continuous, zeroClaim, null));

        assertThat(r.totalRaise()).isBetween(new BigDecimal("0.00"), new BigDecimal("22000.00"));
        assertThat(r.totalRaise()).isLessThanOrEqualTo(r.continuityRaise().add(r.zeroClaimRaise()));
        assertThat(r.raisedLimit()).isEqualTo(r.originalCap().add(r.totalRaise()));
    }

    @Provide
    Arbitrary<BigDecimal> money() {
        return Arbitraries.longs().between(0, 30_000_000L).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Provide
    Arbitrary<Set<HardshipCategory>> categories() {
        return Arbitraries.of(HardshipCategory.class).set().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Funding> fundings() {
        Arbitrary<BigDecimal> amount = Arbitraries.longs().between(0, 500_000L).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<BigDecimal> ratio = Arbitraries.integers().between(0, 100).map(r -> BigDecimal.valueOf(r, 2));
        return Combinators.combine(amount, amount, ratio, ratio, ratio).as((standard, fiscal, central, a, b) -> {
            BigDecimal province = a.min(b);
            BigDecimal city = a.max(b).subtract(province);
            return new Funding(
                    standard,
                    fiscal,
                    central,
                    province,
                    city,
                    BigDecimal.ONE.subtract(province).subtract(city));
        });
    }

    @Provide
    Arbitrary<InpatientInput> stays() {
        Arbitrary<BigDecimal> cost = Arbitraries.longs().between(0, 60_000_000L).map(c -> BigDecimal.valueOf(c, 2));
        Arbitrary<Integer> scopePercent = Arbitraries.integers().between(0, 100);
        Arbitrary<BigDecimal> ytd = Arbitraries.longs()
                .between(0, 25_000_000L)
                .map(c -> BigDecimal.valueOf(c, 2))
                .injectNull(0.2);
        Arbitrary<Delivery> delivery = Arbitraries.of(Delivery.class).injectNull(0.1);
        return Combinators.combine(
                        cost,
                        scopePercent,
                        delivery,
                        Arbitraries.of(true, false),
                        categories(),
                        ytd,
                        Combinators.combine(ytd, ytd, ytd, ytd, ytd).as(Ytd::new))
                .as((total, percent, d, complications, cats, raise, y) -> new InpatientInput(
                        total,
                        Money.round(total.multiply(BigDecimal.valueOf(percent, 2))),
                        d,
                        complications,
                        cats,
                        raise,
                        y.basic,
                        y.ciBase,
                        y.ciPaid,
                        y.assistanceBase,
                        y.assistancePaid));
    }

    private static InpatientInput withCosts(InpatientInput input, BigDecimal total, BigDecimal scope) {
        return new InpatientInput(
                total,
                scope,
                input.delivery(),
                input.complications(),
                input.categories(),
                input.criticalIllnessLimitRaise(),
                input.basicFundPaidYtd(),
                input.criticalIllnessBaseYtd(),
                input.criticalIllnessPaidYtd(),
                input.assistanceBaseYtd(),
                input.assistancePaidYtd());
    }

    private static void nonNegativeMoney(BigDecimal amount) {
        assertThat(amount.signum()).isNotNegative();
        assertThat(amount.scale()).isEqualTo(2);
    }

    private record Ytd(
            BigDecimal basic,
            BigDecimal ciBase,
            BigDecimal ciPaid,
            BigDecimal assistanceBase,
            BigDecimal assistancePaid) {}
}
