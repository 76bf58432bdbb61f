package com.yibaoflow.policy.calc.burden;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.Monitoring;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicyParameters.WarningLine;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * High-cost burden monitoring (R-MON-01, R-MON-02). The warning line of the person's population group is either an
 * absolute amount or {@code ratioOfRuralIncome × priorYearRuralPerCapitaIncome} (HALF_UP); exactly one form must be
 * set. Reaching the line (≥) is a WARNING, to be pushed to civil affairs and agriculture & rural affairs.
 */
public final class BurdenCalculator {

    public BurdenResult calculate(PolicySnapshot snapshot, BurdenInput input) {
        Objects.requireNonNull(snapshot, "snapshot");
        Inputs.required(input, "input");
        PopulationGroup group = Inputs.required(input.populationGroup(), "populationGroup");
        BigDecimal outOfPocket = Inputs.amount(input.outOfPocketYtd(), "outOfPocketYtd");

        Monitoring monitoring = snapshot.parameters().monitoring();
        WarningLine line = monitoring.warningLines() == null
                ? null
                : monitoring.warningLines().get(group);
        if (line == null) {
            throw new InvalidCalculationInputException(
                    "populationGroup", "policy " + snapshot.label() + " has no warning line for " + group);
        }
        Explanation explanation = new Explanation(snapshot);
        explanation.step(
                Rule.R_MON_01,
                "out-of-pocket this year after basic insurance, critical-illness insurance and "
                        + "medical assistance: " + text(outOfPocket) + ".");
        BigDecimal warningLine = warningLine(snapshot, group, line, explanation);

        boolean warning = outOfPocket.compareTo(warningLine) >= 0;
        BigDecimal over = Money.positivePart(outOfPocket.subtract(warningLine));
        BigDecimal below = Money.positivePart(warningLine.subtract(outOfPocket));
        explanation.step(
                Rule.R_MON_02,
                warning
                        ? "the burden reaches the warning line (" + text(over)
                                + " over it): WARNING, push to civil affairs "
                                + "and agriculture & rural affairs for verification and assistance."
                        : "the burden is " + text(below) + " below the warning line: no warning.");
        return new BurdenResult(
                group,
                outOfPocket,
                warningLine,
                warning ? BurdenStatus.WARNING : BurdenStatus.BELOW,
                over,
                below,
                explanation.steps());
    }

    private static BigDecimal warningLine(
            PolicySnapshot snapshot, PopulationGroup group, WarningLine line, Explanation explanation) {
        String path = "monitoring.warningLines." + group.name();
        if ((line.absoluteAmount() == null) == (line.ratioOfRuralIncome() == null)) {
            throw new IllegalStateException("Policy " + snapshot.label() + ": " + path
                    + " must set exactly one of absoluteAmount and ratioOfRuralIncome");
        }
        if (line.absoluteAmount() != null) {
            BigDecimal amount = Money.of(line.absoluteAmount());
            explanation.step(
                    Rule.R_MON_02,
                    "warning line for " + group + ": absolute " + text(amount) + ".",
                    explanation.param(path, line));
            return amount;
        }
        BigDecimal income = Money.of(snapshot.parameters().monitoring().priorYearRuralPerCapitaIncome());
        BigDecimal amount = Money.times(income, line.ratioOfRuralIncome());
        explanation.step(
                Rule.R_MON_02,
                "warning line for " + group + ": " + line.ratioOfRuralIncome().toPlainString()
                        + " × prior-year rural per-capita disposable income " + text(income) + " = " + text(amount)
                        + ".",
                explanation.param(path, line),
                explanation.param(
                        "monitoring.priorYearRuralPerCapitaIncome",
                        snapshot.parameters().monitoring().priorYearRuralPerCapitaIncome()));
        return amount;
    }
}
