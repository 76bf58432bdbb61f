package com.yibaoflow.enrollment;

import static com.yibaoflow.policy.calc.FigureProvenance.from;

import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.Rule;
import com.yibaoflow.policy.calc.contribution.ContributionProvenance;
import com.yibaoflow.policy.calc.waiting.WaitingProvenance;
import java.util.List;
import java.util.Map;

/**
 * The provenance of a case's figures as {@code GET /api/enrollments/{id}} shows them (issue #17 item 2), from the
 * case's stored explanations through the calculators' own mappings ({@link ContributionProvenance},
 * {@link WaitingProvenance}) under the case's field names; the payment deadline ← the collection end and coverage
 * end (R-REG-02) and the newborn grace days (R-ELIG-03).
 */
final class CaseProvenance {

    /** The waiting figures under the names the case view gives them. */
    private static final Map<String, String> WAITING_NAMES = Map.of(
            "exempt", "waitingExempt",
            "fixedMonths", "waitingFixedMonths",
            "variableMonths", "waitingVariableMonths",
            "benefitStartDate", "benefitStartDate");

    private static final Map<String, String> COVERAGE_NAMES = Map.of(
            "individualStandard", "individualStandard",
            "subsidy", "subsidy",
            "benefitStartDate", "benefitStartDate",
            "coveredFromBirth", "coveredFromBirth",
            "benefitEndDate", "benefitEndDate");

    private CaseProvenance() {}

    /** The provenance of the case's figures, by field of {@link EnrollmentView.Figures}. */
    static Map<String, List<FigureSource>> figures(EnrollmentCase c) {
        return FigureProvenance.merged(
                ContributionProvenance.of(c.explanation(), c.appliedCategory()),
                FigureProvenance.renamed(WaitingProvenance.of(c.waitingExplanation()), WAITING_NAMES),
                FigureProvenance.of(c.waitingExplanation())
                        .figure(
                                "paymentDeadline",
                                from(Rule.R_REG_02, "periods.collectionEnd"),
                                from(Rule.R_REG_02, "periods.coverageEnd"),
                                from("waiting.newbornGraceDays"))
                        .map());
    }

    /** The provenance of the coverage's figures, by field of {@link EnrollmentView.CoverageView}. */
    static Map<String, List<FigureSource>> coverage(EnrollmentCase c) {
        return FigureProvenance.renamed(
                FigureProvenance.merged(
                        ContributionProvenance.of(c.explanation(), c.appliedCategory()),
                        WaitingProvenance.of(c.waitingExplanation()),
                        FigureProvenance.of(c.waitingExplanation())
                                .figure("benefitEndDate", from(Rule.R_REG_02, "periods.coverageEnd"))
                                .map()),
                COVERAGE_NAMES);
    }
}
