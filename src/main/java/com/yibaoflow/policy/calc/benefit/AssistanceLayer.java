package com.yibaoflow.policy.calc.benefit;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.Assistance;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The third layer, medical assistance (R-BEN-05). Of the person's categories with an assistance entry, the best
 * applies: highest ratio, then lower deductible, then higher annual limit, then declaration order. The in-scope
 * remainder after basic and critical illness adds to the year's cumulative assistance base; the part above the annual
 * deductible × ratio (HALF_UP) is paid, limited by {@code annualLimit − paid this year}.
 */
final class AssistanceLayer {

    record Outcome(BigDecimal payment, HardshipCategory category) {}

    private static final Comparator<Map.Entry<HardshipCategory, Assistance>> BEST =
            Comparator.<Map.Entry<HardshipCategory, Assistance>, BigDecimal>comparing(
                            e -> e.getValue().ratio())
                    .reversed()
                    .thenComparing(e -> e.getValue().deductible())
                    .thenComparing(e -> e.getValue().annualLimit(), Comparator.reverseOrder())
                    .thenComparing(Map.Entry::getKey);

    private AssistanceLayer() {}

    static Outcome pay(PolicySnapshot snapshot, Stay stay, BigDecimal remainder, Explanation explanation) {
        Map<HardshipCategory, Assistance> table =
                snapshot.parameters().benefits().assistance();
        List<Map.Entry<HardshipCategory, Assistance>> candidates = stay.categories().stream()
                .filter(c -> table != null && table.containsKey(c))
                .map(c -> Map.entry(c, table.get(c)))
                .sorted(BEST)
                .toList();
        if (candidates.isEmpty()) {
            explanation.step(Rule.R_BEN_05, "no category entitled to medical assistance: no assistance.");
            return new Outcome(Money.ZERO, null);
        }
        HardshipCategory category = candidates.get(0).getKey();
        Assistance assistance = candidates.get(0).getValue();
        if (candidates.size() > 1) {
            explanation.step(
                    Rule.R_BEN_05,
                    "best assistance among "
                            + candidates.stream()
                                    .map(e -> e.getKey() + " "
                                            + e.getValue().ratio().toPlainString())
                                    .collect(Collectors.joining(", "))
                            + " (highest ratio, then lower deductible, then higher limit, "
                            + "then category order): " + category + ".");
        }
        String path = "benefits.assistance." + category.name();
        BigDecimal deductible = Money.of(assistance.deductible());
        Band band = Band.aboveDeductible(stay.assistanceBaseYtd(), remainder, deductible);
        BigDecimal computed = Money.times(band.width(), assistance.ratio());
        BigDecimal remaining =
                Money.positivePart(Money.of(assistance.annualLimit()).subtract(stay.assistancePaidYtd()));
        BigDecimal payment = Money.min(computed, remaining);
        explanation.step(
                Rule.R_BEN_05,
                category + ": in-scope remainder after basic and critical illness "
                        + text(remainder) + ", " + text(band.width()) + " above the annual deductible × "
                        + assistance.ratio().toPlainString() + " = " + text(computed) + "; annual limit leaves "
                        + text(remaining) + ": medical assistance pays " + text(payment) + ".",
                explanation.param(path + ".ratio", assistance.ratio()),
                explanation.param(path + ".deductible", assistance.deductible()),
                explanation.param(path + ".annualLimit", assistance.annualLimit()));
        return new Outcome(payment, category);
    }
}
