package com.yibaoflow.hardship;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.shared.problem.DomainException;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What each category's R-SUB-11 entitlement is worth in the coverage year (issue #17 item 2): the subsidy the
 * contribution calculator grants the category under that year's active policy, with its provenance
 * ({@code ContributionResult.provenance()}, the one mapping). No active policy for the year yet: no figures.
 */
@Component
class EntitlementSubsidies {

    /** One category's subsidy: its amount, the policy version it comes from and the figure's provenance. */
    record Subsidy(BigDecimal subsidy, String policyVersion, Map<String, List<FigureSource>> provenance) {}

    private final PolicyService policies;
    private final ContributionCalculator contribution = new ContributionCalculator();

    EntitlementSubsidies(PolicyService policies) {
        this.policies = policies;
    }

    /** Category → its subsidy in the region's active policy of the year; empty if the year has no active policy. */
    Map<String, Subsidy> of(String regionCode, int coverageYear, Collection<String> categories) {
        Map<String, Subsidy> subsidies = new LinkedHashMap<>();
        if (categories.isEmpty()) {
            return subsidies;
        }
        PolicySnapshot snapshot;
        try {
            snapshot = policies.activeSnapshot(regionCode, coverageYear);
        } catch (DomainException noActivePolicy) {
            return subsidies;
        }
        for (String category : Set.copyOf(categories)) {
            ContributionResult result = contribution.calculate(
                    snapshot,
                    new ContributionInput(Residence.LOCAL_HUKOU, EnumSet.of(HardshipCategory.valueOf(category)), null));
            subsidies.put(
                    category,
                    new Subsidy(
                            result.subsidy(),
                            result.policyVersion(),
                            FigureProvenance.renamed(result.provenance(), Map.of("subsidy", "subsidy"))));
        }
        return subsidies;
    }
}
