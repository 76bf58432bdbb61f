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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

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

    private static final Map<HardshipCategory, String> ROSTER_DEPARTMENTS = rosterDepartments();

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

        HardshipCategory applied = selectCategory(snapshot, categories, explanation);
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
        explainSubsidy(applied, standard, subsidy, personalDue, explanation);
        explainEntitlements(snapshot.coverageYear(), input.entitlements(), explanation);
        if (payer != null) {
            explanation.step(
                    Rule.R_FUND_06,
                    "the personal share " + text(personalDue) + " is paid from the employee "
                            + "personal account of " + payer.name() + " (ID " + masked(payer.idNumber()) + "), "
                            + payer.relationship() + " of the enrollee (close relative, 近亲属); payer and relationship "
                            + "are recorded.");
        }

        FiscalShares shares = fiscalShares(snapshot, residence, explanation);
        return new ContributionResult(
                standard,
                applied,
                subsidy,
                personalDue,
                shares.fiscal,
                shares.central,
                shares.local,
                shares.province,
                shares.city,
                shares.county,
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

    /** R-SUB-01..09, R-SUB-13: the claimed category with the highest subsidy, ties by declaration order. */
    private static HardshipCategory selectCategory(
            PolicySnapshot snapshot, Set<HardshipCategory> claimed, Explanation explanation) {
        if (claimed.isEmpty()) {
            explanation.step(Rule.R_SUB_09, "no hardship category claimed: no classified subsidy.");
            return null;
        }
        Map<HardshipCategory, BigDecimal> table = snapshot.parameters().subsidies();
        Map<HardshipCategory, BigDecimal> subsidised = new EnumMap<>(HardshipCategory.class);
        for (HardshipCategory category : EnumSet.copyOf(claimed)) {
            BigDecimal amount = table == null ? null : table.get(category);
            if (amount == null) {
                explanation.step(
                        Rule.subsidyRuleOf(category),
                        category + " (" + category.chineseName() + ") is claimed but has no subsidy in policy "
                                + snapshot.label() + "; it is ignored.");
            } else {
                subsidised.put(category, Money.of(amount));
                explanation.step(
                        Rule.subsidyRuleOf(category),
                        category + " (" + category.chineseName() + ") has a fixed subsidy of " + text(Money.of(amount))
                                + ".",
                        explanation.param("subsidies." + category.name(), amount));
            }
        }
        if (subsidised.isEmpty()) {
            explanation.step(
                    Rule.R_SUB_09,
                    "none of the claimed categories has a subsidy this year: no classified " + "subsidy.");
            return null;
        }
        BigDecimal best =
                subsidised.values().stream().max(BigDecimal::compareTo).orElseThrow();
        List<HardshipCategory> winners = subsidised.entrySet().stream()
                .filter(e -> e.getValue().compareTo(best) == 0)
                .map(Map.Entry::getKey)
                .toList();
        HardshipCategory applied = winners.get(0);
        StringBuilder text = new StringBuilder("subsidies are never added up; the single highest applies: ")
                .append(applied)
                .append(" (")
                .append(text(best))
                .append(')');
        if (subsidised.size() > 1) {
            text.append(" among ")
                    .append(subsidised.entrySet().stream()
                            .map(e -> e.getKey() + " " + text(e.getValue()))
                            .collect(Collectors.joining(", ")));
        }
        if (winners.size() > 1) {
            text.append("; tie between ")
                    .append(winners.stream().map(Enum::name).collect(Collectors.joining(", ")))
                    .append(" broken by category order, the first (")
                    .append(applied)
                    .append(") applies");
        }
        explanation.step(Rule.R_SUB_09, text.append('.').toString());
        return applied;
    }

    private static void explainSubsidy(
            HardshipCategory applied,
            BigDecimal standard,
            BigDecimal subsidy,
            BigDecimal personalDue,
            Explanation explanation) {
        if (applied == null) {
            explanation.step(
                    Rule.R_FUND_01, "personal contribution due " + text(personalDue) + " (the full standard).");
            return;
        }
        explanation.step(
                Rule.subsidyRuleOf(applied),
                "personal contribution due = " + text(standard) + " − subsidy " + text(subsidy) + " = "
                        + text(personalDue) + ".");
        explanation.step(
                Rule.R_SUB_12,
                applied + " must be evidenced by the roster (花名册) of " + ROSTER_DEPARTMENTS.get(applied) + ".");
        explanation.step(
                Rule.R_SUB_10,
                "the subsidy is fixed once the contribution is paid: if the status ends or "
                        + "changes during the year, the personal share is not refunded and the subsidy is not adjusted.");
        explanation.step(
                Rule.R_SUB_11,
                "a person identified as " + applied + " only after paying outside the "
                        + "concentrated collection period gets this subsidy from the next coverage year.");
    }

    /** R-SUB-11: the outcome of each entitlement to this year that the eligibility check found. */
    private static void explainEntitlements(int year, List<EntitlementOutcome> outcomes, Explanation explanation) {
        if (outcomes == null) {
            return;
        }
        for (EntitlementOutcome outcome : outcomes) {
            HardshipCategory category =
                    Inputs.required(Inputs.required(outcome, "entitlements").category(), "entitlements.category");
            String granted = "the entitlement to the " + category + " (" + category.chineseName() + ") subsidy of "
                    + year + ", recorded because the person was identified only after paying outside last year's "
                    + "concentrated collection period, ";
            String text = outcome.applied()
                    ? granted + "is applied: the owning department's current roster still lists the person."
                    : granted + "has lapsed: the owning department's current roster no longer lists the person; it is "
                            + "reported and not applied.";
            explanation.step(
                    Rule.R_SUB_11,
                    outcome.detail() == null || outcome.detail().isBlank()
                            ? text
                            : text + " Outcome recorded: " + outcome.detail());
        }
    }

    /** R-FUND-02, R-FUND-04, R-FUND-05. */
    private static FiscalShares fiscalShares(PolicySnapshot snapshot, Residence residence, Explanation explanation) {
        Funding funding = snapshot.parameters().funding();
        BigDecimal fiscal = Money.of(funding.fiscalSubsidy());
        explanation.step(
                Rule.R_FUND_02,
                "fiscal subsidy of all levels together " + text(fiscal) + " per person per year.",
                explanation.param("funding.fiscalSubsidy", funding.fiscalSubsidy()));
        if (residence == Residence.NON_LOCAL_RESIDENT) {
            explanation.step(
                    Rule.R_FUND_05,
                    "a residence-permit holder enrolled locally gets the same fiscal subsidy " + "as local residents: "
                            + text(fiscal) + ".");
        }
        BigDecimal sharesOfLocal =
                funding.provinceShareOfLocal().add(funding.cityShareOfLocal()).add(funding.countyShareOfLocal());
        if (sharesOfLocal.compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalStateException("Policy " + snapshot.label() + ": province/city/county shares of the "
                    + "local fiscal subsidy sum to " + sharesOfLocal.toPlainString() + ", not 1");
        }
        BigDecimal central = Money.times(fiscal, funding.centralShareRatio());
        BigDecimal local = fiscal.subtract(central);
        BigDecimal province = Money.times(local, funding.provinceShareOfLocal());
        BigDecimal city = Money.min(Money.times(local, funding.cityShareOfLocal()), local.subtract(province));
        BigDecimal county = local.subtract(province).subtract(city);
        explanation.step(
                Rule.R_FUND_04,
                "fiscal tier " + snapshot.fiscalTier() + ": central share " + text(fiscal)
                        + " × " + funding.centralShareRatio().toPlainString() + " = " + text(central) + ", local share "
                        + text(local) + ".",
                explanation.param("funding.centralShareRatio", funding.centralShareRatio()));
        explanation.step(
                Rule.R_FUND_04,
                "local share split: province " + text(province) + ", city " + text(city) + ", county " + text(county)
                        + " (the county takes the rounding remainder).",
                explanation.param("funding.provinceShareOfLocal", funding.provinceShareOfLocal()),
                explanation.param("funding.cityShareOfLocal", funding.cityShareOfLocal()),
                explanation.param("funding.countyShareOfLocal", funding.countyShareOfLocal()));
        return new FiscalShares(fiscal, central, local, province, city, county);
    }

    private static String masked(String idNumber) {
        return idNumber.length() <= 4 ? "****" : "****" + idNumber.substring(idNumber.length() - 4);
    }

    private static Map<HardshipCategory, String> rosterDepartments() {
        Map<HardshipCategory, String> departments = new EnumMap<>(HardshipCategory.class);
        String civilAffairs = "civil affairs (民政)";
        String agriculture = "agriculture & rural affairs (农业农村)";
        departments.put(HardshipCategory.EXTREME_POVERTY, civilAffairs);
        departments.put(HardshipCategory.ORPHAN, civilAffairs);
        departments.put(HardshipCategory.MINIMUM_LIVING, civilAffairs);
        departments.put(HardshipCategory.ENTITLED_GROUP, "veterans affairs (退役军人事务)");
        departments.put(HardshipCategory.FAMILY_PLANNING_SPECIAL, "the health commission (卫健)");
        departments.put(HardshipCategory.RELAPSED_POVERTY, agriculture);
        departments.put(HardshipCategory.POVERTY_MONITORING, agriculture);
        departments.put(HardshipCategory.RETIRED_FISHERMAN, agriculture);
        departments.put(HardshipCategory.SEVERE_DISABILITY, "the disabled persons' federation (残联)");
        return Map.copyOf(departments);
    }

    private record FiscalShares(
            BigDecimal fiscal,
            BigDecimal central,
            BigDecimal local,
            BigDecimal province,
            BigDecimal city,
            BigDecimal county) {}
}
