package com.yibaoflow.policy.calc.contribution;

import static com.yibaoflow.policy.calc.Money.text;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Inputs;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * R-SUB-01..13: which claimed category's subsidy applies (the single highest, never a sum) and what the workflow rules
 * R-SUB-10/11/12 say about it, including the outcome of each R-SUB-11 entitlement this year's check found.
 */
final class ClassifiedSubsidy {

    private static final Map<HardshipCategory, String> ROSTER_DEPARTMENTS = rosterDepartments();

    private ClassifiedSubsidy() {}

    /** R-SUB-01..09, R-SUB-13: the claimed category with the highest subsidy, ties by declaration order. */
    static HardshipCategory selectCategory(
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

    static void explainSubsidy(
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
    static void explainEntitlements(int year, List<EntitlementOutcome> outcomes, Explanation explanation) {
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
}
