package com.yibaoflow.policy.calc.contribution;

import static com.yibaoflow.policy.calc.FigureProvenance.from;

import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.Rule;
import java.util.List;
import java.util.Map;

/**
 * The provenance of the contribution figures (issue #17 item 2), from the explanation of a {@link ContributionResult}
 * or of a case (which adds the R-WAIT-04 back-paid years): the one mapping of figure → parameters, used by the what-if
 * API and the enrollment case alike.
 * <ul>
 *   <li>{@code individualStandard} ← {@code funding.individualStandard} (R-FUND-01);</li>
 *   <li>{@code subsidy} ← {@code subsidies.<applied category>} (R-SUB-01..08, R-SUB-13); none when no category
 *       applies;</li>
 *   <li>{@code currentYearDue} ← the standard and the subsidy; {@code backPaymentDue} ← each back-paid year's
 *       {@code funding.individualStandard} (R-WAIT-04); {@code personalDue} ← all of them;</li>
 *   <li>{@code fiscalSubsidy} ← {@code funding.fiscalSubsidy} (R-FUND-02); {@code centralFiscalShare},
 *       {@code localFiscalShare} ← it and {@code funding.centralShareRatio} (R-FUND-04); {@code provinceShare},
 *       {@code cityShare} ← those and their share of the local part; {@code countyShare} ← every share ratio (it takes
 *       the remainder).</li>
 * </ul>
 */
public final class ContributionProvenance {

    private ContributionProvenance() {}

    /** Figure field → the parameters it was computed from; {@code appliedCategory} as stored (null: none applied). */
    public static Map<String, List<FigureSource>> of(List<ExplanationStep> explanation, String appliedCategory) {
        FigureProvenance figures = FigureProvenance.of(explanation)
                .figure("individualStandard", from(Rule.R_FUND_01, "funding.individualStandard"));
        if (appliedCategory != null) {
            figures.figure("subsidy", from("R-SUB-", "subsidies." + appliedCategory));
        }
        return figures.combined("currentYearDue", List.of("individualStandard", "subsidy"))
                .figure("backPaymentDue", from(Rule.R_WAIT_04, "funding.individualStandard"))
                .combined("personalDue", List.of("currentYearDue", "backPaymentDue"))
                .figure("fiscalSubsidy", from(Rule.R_FUND_02, "funding.fiscalSubsidy"))
                .combined(
                        "centralFiscalShare",
                        List.of("fiscalSubsidy"),
                        from(Rule.R_FUND_04, "funding.centralShareRatio"))
                .combined("localFiscalShare", List.of("centralFiscalShare"))
                .combined(
                        "provinceShare",
                        List.of("localFiscalShare"),
                        from(Rule.R_FUND_04, "funding.provinceShareOfLocal"))
                .combined("cityShare", List.of("localFiscalShare"), from(Rule.R_FUND_04, "funding.cityShareOfLocal"))
                .combined(
                        "countyShare",
                        List.of("localFiscalShare"),
                        from(Rule.R_FUND_04, "funding.provinceShareOfLocal"),
                        from(Rule.R_FUND_04, "funding.cityShareOfLocal"),
                        from(Rule.R_FUND_04, "funding.countyShareOfLocal"))
                .map();
    }
}
