package com.yibaoflow.policy.calc.waiting;

import static com.yibaoflow.policy.calc.FigureProvenance.from;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.Rule;
import java.util.List;
import java.util.Map;

/**
 * The provenance of the waiting-period figures (issue #17 item 2), from the explanation of a
 * {@link WaitingPeriodResult} (a what-if or a case's): the one mapping of figure → parameters.
 * <ul>
 *   <li>{@code fixedMonths} ← {@code waiting.fixedMonths} (R-WAIT-02);</li>
 *   <li>{@code variableMonths} ← months per missed year, whether the first counts (R-WAIT-03), months off per
 *       back-paid year, the long-gap floor (R-WAIT-04) and the never-covered reading (R-WAIT-03);
 *       {@code missedYears} ← that reading; {@code totalMonths} ← fixed and variable;</li>
 *   <li>{@code exempt} ← what decided it: the collection period (R-REG-02), the newborn grace days, the exempt groups
 *       and categories, the employee-switch treatment, the never-covered reading; {@code coveredFromBirth} ← the
 *       grace days;</li>
 *   <li>{@code benefitStartDate} ← all of these and {@code periods.coverageStart} (R-WAIT-05);
 *       {@code benefitsInCoverageYear} ← it and {@code periods.coverageEnd}.</li>
 * </ul>
 */
public final class WaitingProvenance {

    private WaitingProvenance() {}

    /** Figure field → the parameters it was computed from. */
    public static Map<String, List<FigureSource>> of(List<ExplanationStep> explanation) {
        return FigureProvenance.of(explanation)
                .figure("fixedMonths", from(Rule.R_WAIT_02, "waiting.fixedMonths"))
                .figure(
                        "variableMonths",
                        from(Rule.R_WAIT_03, "waiting.monthsPerGapYear"),
                        from(Rule.R_WAIT_03, "waiting.firstMissedYearCounts"),
                        from(Rule.R_WAIT_03, "waiting.neverCovered."),
                        from(Rule.R_WAIT_04, "waiting.monthsRemovedPerBackPaidYear"),
                        from(Rule.R_WAIT_04, "waiting.longGapYears"),
                        from(Rule.R_WAIT_04, "waiting.longGapMinimumMonths"))
                .figure("missedYears", from(Rule.R_WAIT_03, "waiting.neverCovered."))
                .combined("totalMonths", List.of("fixedMonths", "variableMonths"))
                .figure(
                        "exempt",
                        from(Rule.R_REG_02, "periods.collectionStart"),
                        from(Rule.R_REG_02, "periods.collectionEnd"),
                        from("waiting.newbornGraceDays"),
                        from("waiting.exemptGroups"),
                        from("waiting.exemptCategories"),
                        from("waiting.employeeSwitch."),
                        from("waiting.neverCovered."))
                .figure("coveredFromBirth", from(Rule.R_ELIG_03, "waiting.newbornGraceDays"))
                .combined(
                        "benefitStartDate",
                        List.of("exempt", "totalMonths"),
                        from(Rule.R_REG_02, "periods.coverageStart"))
                .combined(
                        "benefitsInCoverageYear",
                        List.of("benefitStartDate"),
                        from(Rule.R_REG_02, "periods.coverageEnd"))
                .map();
    }
}
