package com.yibaoflow.policy.calc.contribution;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.Funding;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;

/**
 * Individual contribution, classified subsidy and fiscal subsidy shares of one enrollee for one coverage year.
 *
 * <ul>
 *   <li>R-ELIG-01: every {@link Residence} is an eligible basis; R-FUND-05: a non-local resident gets the same fiscal
 *       subsidy.</li>
 *   <li>R-FUND-01: the individual standard; R-SUB-01..08, R-SUB-13: the fixed subsidy of each claimed category that
 *       has one in {@code subsidies}; a claimed category without an entry (e.g. ORPHAN in Dongzhi 2025) is explained
 *       and ignored.</li>
 *   <li>R-SUB-09: the single highest subsidy applies, never a sum; a tie goes to the category declared first in
 *       {@link HardshipCategory}. The subsidy never exceeds the standard; {@code personalDue = standard − subsidy}.</li>
 *   <li>R-SUB-10, R-SUB-11, R-SUB-12: explained with the applied category (fixed at payment, next-year rule for late
 *       identification, the department roster that evidences it); they are workflow rules, not figures.</li>
 *   <li>R-FUND-02, R-FUND-04: central share = fiscal subsidy × central ratio (HALF_UP), local = the rest; province and
 *       city = local × their ratio (HALF_UP), the county takes the remainder so the three add up exactly.</li>
 *   <li>R-FUND-06: an employee personal-account payer (close relative) is recorded with the result.</li>
 * </ul>
 */
public final class ContributionCalculator {

    public ContributionResult calculate(PolicySnapshot snapshot, ContributionInput input) {
        Objects.requireNonNull(snapshot, "snapshot");
        Inputs.required(input, "input");
        Residence residence = Inputs.required(input.residence(), "residence");
        Set<HardshipCategory> categories = Inputs.optionalSet(input.categories(), "categories");
        Payer payer = validPayer(input.payer());

        Explanation explanation = new Explanation(snapshot);
        explainEligibility(residence, explanation);

        Funding funding = snapshot.parameters().funding();
        BigDecimal standard = Money.of(funding.individualStandard());
        explanation.step(
                Rule.R_FUND_01,
                "individual contribution standard " + text(standard) + " per person per year.",
                explanation.param("funding.individualStandard", funding.individualStandard()));

        HardshipCategory applied = ClassifiedSubsidy.selectCategory(snapshot, categories, explanation);
        BigDecimal subsidy = applied == null
                ? Money.ZERO
                : Money.of(snapshot.parameters().subsidies().get(applied));
        if (subsidy.compareTo(standard) > 0) {
            explanation.step(
                    Rule.R_SUB_09,
                    "the subsidy " + text(subsidy) + " exceeds the standard; it is limited to " + text(standard) + ".");
            subsidy = standard;
        }
        BigDecimal personalDue = standard.subtract(subsidy);
        ClassifiedSubsidy.explainSubsidy(applied, standard, subsidy, personalDue, explanation);
        ClassifiedSubsidy.explainEntitlements(snapshot.coverageYear(), input.entitlements(), explanation);
        if (payer != null) {
            explanation.step(
                    Rule.R_FUND_06,
                    "the personal share " + text(personalDue) + " is paid from the employee "
                            + "personal account of " + payer.name() + " (ID " + masked(payer.idNumber()) + "), "
                            + payer.relationship() + " of the enrollee (close relative, 近亲属); payer and relationship "
                            + "are recorded.");
        }

        FiscalSplit.FiscalShares shares = FiscalSplit.fiscalShares(snapshot, residence, explanation);
        return new ContributionResult(
                standard,
                applied,
                subsidy,
                personalDue,
                shares.fiscal(),
                shares.central(),
                shares.local(),
                shares.province(),
                shares.city(),
                shares.county(),
                payer,
                snapshot.label(),
                explanation.steps());
    }

    private static Payer validPayer(Payer payer) {
        if (payer != null) {
            Inputs.text(payer.idNumber(), "payer.idNumber");
            Inputs.text(payer.name(), "payer.name");
            Inputs.required(payer.relationship(), "payer.relationship");
        }
        return payer;
    }

    private static void explainEligibility(Residence residence, Explanation explanation) {
        String basis = switch (residence) {
            case LOCAL_HUKOU -> "a resident with local household registration (本县户籍)";
            case NON_LOCAL_RESIDENT -> "a non-local resident living in the county (residence permit as evidence)";
            case STUDENT -> "a student of a local institution (named by national/provincial rules)";
            case NEWBORN -> "a newborn (named by national/provincial rules)";
        };
        explanation.step(Rule.R_ELIG_01, "eligible to enroll as " + basis + ".");
    }

    private static String masked(String idNumber) {
        return idNumber.length() <= 4 ? "****" : "****" + idNumber.substring(idNumber.length() - 4);
    }
}
