package com.yibaoflow.monitoring;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import java.util.Set;

/**
 * The monitoring group of a person (R-MON-02) from the roster categories they are listed under and whether their
 * claims mark them a rural resident: low-income people (特困, 低保, 孤儿) first, then formerly-poor people (返贫致贫,
 * 防止返贫监测对象), then other rural residents, then everyone else. A person in two groups gets the first, whose
 * line is the lower in the published examples.
 */
final class PopulationGroups {

    private static final Set<HardshipCategory> LOW_INCOME =
            Set.of(HardshipCategory.EXTREME_POVERTY, HardshipCategory.MINIMUM_LIVING, HardshipCategory.ORPHAN);
    private static final Set<HardshipCategory> FORMERLY_POOR =
            Set.of(HardshipCategory.RELAPSED_POVERTY, HardshipCategory.POVERTY_MONITORING);

    private PopulationGroups() {}

    static PopulationGroup of(Set<HardshipCategory> categories, boolean rural) {
        if (categories.stream().anyMatch(LOW_INCOME::contains)) {
            return PopulationGroup.LOW_INCOME;
        }
        if (categories.stream().anyMatch(FORMERLY_POOR::contains)) {
            return PopulationGroup.FORMERLY_POOR;
        }
        return rural ? PopulationGroup.RURAL_OTHER : PopulationGroup.OTHER;
    }
}
