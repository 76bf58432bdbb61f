package com.yibaoflow.policy.calc.benefit;

import static com.yibaoflow.policy.calc.FigureProvenance.from;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import java.util.List;
import java.util.Map;

/**
 * The provenance of the inpatient figures (issue #17 item 2), from an {@link InpatientResult}'s explanation, layer by
 * layer as they are computed: {@code basicFundPayment} ← {@code benefits.inpatient.*} (R-BEN-01);
 * {@code criticalIllnessPayment} ← those (its base is what basic insurance left) and {@code benefits.criticalIllness.*},
 * {@code benefits.favour.*}, the province's income (R-BEN-02, R-BEN-06); {@code medicalAssistance} ← those and
 * {@code benefits.assistance.*} (R-BEN-05); {@code childbirthAllowance} ← {@code benefits.childbirth.*} (R-BEN-03);
 * {@code outOfPocket} ← every parameter used.
 */
public final class BenefitProvenance {

    private BenefitProvenance() {}

    /** Figure field → the parameters it was computed from. */
    public static Map<String, List<FigureSource>> of(List<ExplanationStep> explanation) {
        return FigureProvenance.of(explanation)
                .figure("basicFundPayment", from("benefits.inpatient."))
                .combined(
                        "criticalIllnessPayment",
                        List.of("basicFundPayment"),
                        from("benefits.criticalIllness."),
                        from("benefits.favour."),
                        from("benefits.provincePerCapitaDisposableIncome"))
                .combined("medicalAssistance", List.of("criticalIllnessPayment"), from("benefits.assistance."))
                .figure("childbirthAllowance", from("benefits.childbirth."))
                .figure("outOfPocket", from("benefits."))
                .map();
    }
}
