package com.yibaoflow.policy.calc.burden;

import static com.yibaoflow.policy.calc.FigureProvenance.from;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.Rule;
import java.util.List;
import java.util.Map;

/**
 * The provenance of the burden figures (issue #17 item 2), from a {@link BurdenResult}'s explanation: the warning
 * line ← the group's {@code monitoring.warningLines.<group>} and, for a line stated as a share, the prior-year rural
 * per-capita disposable income (R-MON-02); the verdict and the amounts over and below the line ← the line.
 */
public final class BurdenProvenance {

    private BurdenProvenance() {}

    /** Figure field → the parameters it was computed from. */
    public static Map<String, List<FigureSource>> of(List<ExplanationStep> explanation) {
        List<String> line = List.of("warningLine");
        return FigureProvenance.of(explanation)
                .figure(
                        "warningLine",
                        from(Rule.R_MON_02, "monitoring.warningLines."),
                        from(Rule.R_MON_02, "monitoring.priorYearRuralPerCapitaIncome"))
                .combined("status", line)
                .combined("amountOverLine", line)
                .combined("amountBelowLine", line)
                .map();
    }
}
