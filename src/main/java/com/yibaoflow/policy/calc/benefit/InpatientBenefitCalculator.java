package com.yibaoflow.policy.calc.benefit;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.Childbirth;
import com.yibaoflow.policy.calc.PolicyParameters.Inpatient;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Payments for one inpatient stay under the three layers (R-BEN-01..06), with year-to-date deductibles and caps.
 * <ol>
 *   <li>R-BEN-03: an uncomplicated NATURAL or CAESAREAN delivery gets the fixed allowance <em>instead of</em> the
 *       inpatient rules (no basic, critical-illness or assistance payment for that stay; year-to-date figures
 *       unchanged), at most the total cost. With complications the stay follows the ordinary rules, no allowance.</li>
 *   <li>R-BEN-01: basic fund = (policy-scope cost − per-stay deductible)⁺ × fund ratio (HALF_UP), limited by
 *       {@code annualCap − basicFundPaidYtd}.</li>
 *   <li>R-BEN-02, R-BEN-06: critical-illness insurance on the in-scope amount left after basic, see
 *       {@link CriticalIllnessLayer}.</li>
 *   <li>R-BEN-05: medical assistance on the in-scope remainder after basic and critical illness, see
 *       {@link AssistanceLayer}. The cumulative bases grow by every stay's amounts, whether or not anything is
 *       paid.</li>
 *   <li>R-MON-01: out-of-pocket = total − basic − critical illness − assistance − allowance.</li>
 * </ol>
 * Every payment is at most the in-scope amount still unpaid, so the payments never exceed the stay's cost.
 */
public final class InpatientBenefitCalculator {

    public InpatientResult calculate(PolicySnapshot snapshot, InpatientInput input) {
        Objects.requireNonNull(snapshot, "snapshot");
        Stay stay = Stay.of(input);
        Explanation explanation = new Explanation(snapshot);
        if (stay.fixedChildbirthAllowance()) {
            return childbirth(snapshot, stay, explanation);
        }
        if (stay.delivery() != Delivery.NONE) {
            explanation.step(
                    Rule.R_BEN_03,
                    stay.delivery() + " delivery with complications or comorbidities: paid "
                            + "under the ordinary inpatient rules, no delivery allowance.");
        }
        BigDecimal basic = basicFund(snapshot, stay, explanation);
        BigDecimal leftAfterBasic = stay.policyScopeCost().subtract(basic);
        CriticalIllnessLayer.Outcome ci = CriticalIllnessLayer.pay(snapshot, stay, leftAfterBasic, explanation);
        BigDecimal remainder = leftAfterBasic.subtract(ci.payment());
        AssistanceLayer.Outcome assistance = AssistanceLayer.pay(snapshot, stay, remainder, explanation);

        BigDecimal outOfPocket =
                stay.totalCost().subtract(basic).subtract(ci.payment()).subtract(assistance.payment());
        explainOutOfPocket(stay, outOfPocket, explanation);
        return new InpatientResult(
                basic,
                ci.payment(),
                assistance.payment(),
                Money.ZERO,
                outOfPocket,
                ci.favoured(),
                assistance.category(),
                stay.basicFundPaidYtd().add(basic),
                stay.criticalIllnessBaseYtd().add(leftAfterBasic),
                stay.criticalIllnessPaidYtd().add(ci.payment()),
                stay.assistanceBaseYtd().add(remainder),
                stay.assistancePaidYtd().add(assistance.payment()),
                explanation.steps());
    }

    private static InpatientResult childbirth(PolicySnapshot snapshot, Stay stay, Explanation explanation) {
        Childbirth childbirth = snapshot.parameters().benefits().childbirth();
        boolean natural = stay.delivery() == Delivery.NATURAL;
        BigDecimal fixed = Money.of(natural ? childbirth.naturalAllowance() : childbirth.caesareanAllowance());
        BigDecimal allowance = Money.min(fixed, stay.totalCost());
        explanation.step(
                Rule.R_BEN_03,
                stay.delivery() + " delivery without complications: fixed allowance "
                        + text(fixed) + " instead of the inpatient rules"
                        + (allowance.compareTo(fixed) < 0 ? ", limited to the total cost " + text(allowance) : "")
                        + "; no basic, critical-illness or assistance payment for this stay.",
                natural
                        ? explanation.param("benefits.childbirth.naturalAllowance", childbirth.naturalAllowance())
                        : explanation.param("benefits.childbirth.caesareanAllowance", childbirth.caesareanAllowance()));
        BigDecimal outOfPocket = stay.totalCost().subtract(allowance);
        explainOutOfPocket(stay, outOfPocket, explanation);
        return new InpatientResult(
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                allowance,
                outOfPocket,
                null,
                null,
                stay.basicFundPaidYtd(),
                stay.criticalIllnessBaseYtd(),
                stay.criticalIllnessPaidYtd(),
                stay.assistanceBaseYtd(),
                stay.assistancePaidYtd(),
                explanation.steps());
    }

    /** R-BEN-01. */
    private static BigDecimal basicFund(PolicySnapshot snapshot, Stay stay, Explanation explanation) {
        Inpatient inpatient = snapshot.parameters().benefits().inpatient();
        BigDecimal deductible = Money.of(inpatient.deductible());
        BigDecimal aboveDeductible = Money.positivePart(stay.policyScopeCost().subtract(deductible));
        BigDecimal computed = Money.times(aboveDeductible, inpatient.fundRatio());
        explanation.step(
                Rule.R_BEN_01,
                "policy-scope cost " + text(stay.policyScopeCost()) + " − per-stay deductible "
                        + text(deductible) + " = " + text(aboveDeductible) + ", × fund ratio "
                        + inpatient.fundRatio().toPlainString() + " = " + text(computed) + ".",
                explanation.param("benefits.inpatient.deductible", inpatient.deductible()),
                explanation.param("benefits.inpatient.fundRatio", inpatient.fundRatio()));
        BigDecimal remaining =
                Money.positivePart(Money.of(inpatient.annualCap()).subtract(stay.basicFundPaidYtd()));
        BigDecimal payment = Money.min(computed, remaining);
        explanation.step(
                Rule.R_BEN_01,
                "annual fund cap " + text(Money.of(inpatient.annualCap())) + " − paid this "
                        + "year " + text(stay.basicFundPaidYtd()) + " leaves " + text(remaining)
                        + ": basic fund pays " + text(payment) + ".",
                explanation.param("benefits.inpatient.annualCap", inpatient.annualCap()));
        return payment;
    }

    private static void explainOutOfPocket(Stay stay, BigDecimal outOfPocket, Explanation explanation) {
        explanation.step(
                Rule.R_MON_01,
                "out-of-pocket for this stay " + text(outOfPocket) + " of total cost "
                        + text(stay.totalCost()) + " (of which outside policy scope "
                        + text(stay.totalCost().subtract(stay.policyScopeCost())) + ").");
    }
}
