package com.yibaoflow.policy.calc.benefit;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.CriticalIllness;
import com.yibaoflow.policy.calc.PolicyParameters.CriticalIllnessFavour;
import com.yibaoflow.policy.calc.PolicyParameters.Segment;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The second layer, critical-illness insurance (R-BEN-02, R-BEN-06; the raise of R-WAIT-06/07). The in-scope amount
 * the basic fund left to the person adds to the year's cumulative base; the part of the base above the annual
 * deductible is paid by segment: {@code Segment.upTo} bounds are measured on the cumulative amount above the
 * deductible, each slice at its ratio, the sum rounded HALF_UP once. The payment is limited by
 * {@code annualCap + raise − paid this year}. A favoured category (first in declaration order) gets the deductible ×
 * (1 − deductibleReduction) (HALF_UP), every ratio + ratioIncrease (at most 1), and no cap when {@code noCap}.
 */
final class CriticalIllnessLayer {

    record Outcome(BigDecimal payment, HardshipCategory favoured) {}

    private CriticalIllnessLayer() {}

    static Outcome pay(PolicySnapshot snapshot, Stay stay, BigDecimal leftAfterBasic, Explanation explanation) {
        CriticalIllness ci = snapshot.parameters().benefits().criticalIllness();
        CriticalIllnessFavour favour = snapshot.parameters().benefits().favour();
        HardshipCategory favoured = favour == null
                ? null
                : stay.categories().stream()
                        .filter(favour.categories()::contains)
                        .sorted()
                        .findFirst()
                        .orElse(null);

        BigDecimal deductible = Money.of(ci.deductible());
        BigDecimal ratioIncrease = BigDecimal.ZERO;
        explainDeductible(snapshot, deductible, explanation);
        if (favoured != null) {
            deductible = Money.times(deductible, BigDecimal.ONE.subtract(favour.deductibleReduction()));
            ratioIncrease = favour.ratioIncrease();
            explanation.step(
                    Rule.R_BEN_06,
                    favoured + " is favoured: deductible reduced to " + text(deductible)
                            + ", every segment ratio + " + ratioIncrease.toPlainString()
                            + (favour.noCap() ? ", no annual cap." : "."),
                    explanation.param("benefits.favour.categories", favour.categories()),
                    explanation.param("benefits.favour.deductibleReduction", favour.deductibleReduction()),
                    explanation.param("benefits.favour.ratioIncrease", favour.ratioIncrease()),
                    explanation.param("benefits.favour.noCap", favour.noCap()));
        }
        Band band = Band.aboveDeductible(stay.criticalIllnessBaseYtd(), leftAfterBasic, deductible);
        BigDecimal computed = segmentPayment(snapshot, band, ratioIncrease, leftAfterBasic, explanation);

        if (favoured != null && favour.noCap()) {
            return new Outcome(computed, favoured);
        }
        BigDecimal limit = Money.of(ci.annualCap()).add(stay.criticalIllnessLimitRaise());
        BigDecimal remaining = Money.positivePart(limit.subtract(stay.criticalIllnessPaidYtd()));
        BigDecimal payment = Money.min(computed, remaining);
        explanation.step(
                Rule.R_BEN_02,
                "annual cap " + text(Money.of(ci.annualCap())) + " + continuity raise "
                        + text(stay.criticalIllnessLimitRaise()) + " (R-WAIT-06/07) − paid this year "
                        + text(stay.criticalIllnessPaidYtd()) + " leaves " + text(remaining)
                        + ": critical-illness insurance pays " + text(payment) + ".",
                explanation.param("benefits.criticalIllness.annualCap", ci.annualCap()));
        return new Outcome(payment, favoured);
    }

    private static void explainDeductible(PolicySnapshot snapshot, BigDecimal deductible, Explanation explanation) {
        BigDecimal income = snapshot.parameters().benefits().provincePerCapitaDisposableIncome();
        boolean within = income == null || deductible.compareTo(income) <= 0;
        explanation.step(
                Rule.R_BEN_02,
                "annual critical-illness deductible " + text(deductible)
                        + (within
                                ? ", not above the province's per-capita disposable income."
                                : ", ABOVE the province's per-capita disposable income: check the parameter set."),
                explanation.param(
                        "benefits.criticalIllness.deductible",
                        snapshot.parameters().benefits().criticalIllness().deductible()),
                explanation.param("benefits.provincePerCapitaDisposableIncome", income));
    }

    private static BigDecimal segmentPayment(
            PolicySnapshot snapshot,
            Band band,
            BigDecimal ratioIncrease,
            BigDecimal leftAfterBasic,
            Explanation explanation) {
        List<Segment> segments =
                snapshot.parameters().benefits().criticalIllness().segments();
        requireOpenEnded(snapshot, segments);
        BigDecimal exact = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        List<String> slices = new ArrayList<>();
        for (Segment segment : segments) {
            BigDecimal slice = band.overlap(lower, segment.upTo());
            if (slice.signum() > 0) {
                BigDecimal ratio = segment.ratio().add(ratioIncrease).min(BigDecimal.ONE);
                exact = exact.add(slice.multiply(ratio));
                slices.add(text(slice) + " × " + ratio.toPlainString());
            }
            lower = segment.upTo();
        }
        BigDecimal payment = Money.round(exact);
        explanation.step(
                Rule.R_BEN_02,
                "in-scope amount left after basic " + text(leftAfterBasic)
                        + "; cumulative amount above the deductible goes from " + text(band.from()) + " to "
                        + text(band.to())
                        + (slices.isEmpty()
                                ? ": nothing above the deductible, nothing paid."
                                : ": " + String.join(" + ", slices) + " = " + text(payment) + "."),
                explanation.param("benefits.criticalIllness.segments", segments));
        return payment;
    }

    private static void requireOpenEnded(PolicySnapshot snapshot, List<Segment> segments) {
        if (segments == null
                || segments.isEmpty()
                || segments.get(segments.size() - 1).upTo() != null) {
            throw new IllegalStateException("Policy " + snapshot.label()
                    + ": benefits.criticalIllness.segments must end with an open-ended segment (upTo null)");
        }
    }
}
