package com.yibaoflow.monitoring;

import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.FigureProvenance;
import com.yibaoflow.policy.calc.FigureSource;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.burden.BurdenCalculator;
import com.yibaoflow.policy.calc.burden.BurdenInput;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The provenance of a warning line a scan applied (issue #17 item 2), for the person and referral views: the burden
 * calculator's own mapping ({@code BurdenResult.provenance()}) over the policy version the scan recorded, so the view
 * shows the state of the line that scan used, not of whatever version is active now.
 */
@Component
class LineProvenance {

    private final PolicyService policies;
    private final BurdenCalculator burden = new BurdenCalculator();

    LineProvenance(PolicyService policies) {
        this.policies = policies;
    }

    /** A memo for one view: each (version, group) is computed once. */
    Lookup lookup() {
        Map<String, Map<String, List<FigureSource>>> memo = new HashMap<>();
        return (policyLabel, group) -> memo.computeIfAbsent(policyLabel + "|" + group, k -> of(policyLabel, group));
    }

    interface Lookup {
        /** {@code warningLine} → its parameters; empty when the version or group is not known. */
        Map<String, List<FigureSource>> of(String policyLabel, String populationGroup);
    }

    private Map<String, List<FigureSource>> of(String policyLabel, String populationGroup) {
        int slash = policyLabel == null ? -1 : policyLabel.indexOf('/');
        int v = policyLabel == null ? -1 : policyLabel.lastIndexOf(" v");
        if (slash < 0 || v < slash || populationGroup == null) {
            return Map.of();
        }
        var snapshot = policies.snapshot(
                policyLabel.substring(0, slash),
                Integer.parseInt(policyLabel.substring(slash + 1, v)),
                Integer.parseInt(policyLabel.substring(v + 2)));
        var result = burden.calculate(snapshot, new BurdenInput(PopulationGroup.valueOf(populationGroup), Money.ZERO));
        return FigureProvenance.renamed(result.provenance(), Map.of("warningLine", "warningLine"));
    }
}
