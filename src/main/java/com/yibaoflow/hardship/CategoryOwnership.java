package com.yibaoflow.hardship;

import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.HardshipCategory;
import java.util.EnumSet;
import java.util.Set;

/**
 * R-SUB-12: which department evidences (and keeps the roster of) each hardship category. The DMN table
 * {@code processes/hardship-routing.dmn} routes verification tasks by the same mapping; a test holds the two equal.
 */
public final class CategoryOwnership {

    private CategoryOwnership() {}

    public static Department ownerOf(HardshipCategory category) {
        return switch (category) {
            case EXTREME_POVERTY, MINIMUM_LIVING, ORPHAN -> Department.CIVIL_AFFAIRS;
            case RELAPSED_POVERTY, POVERTY_MONITORING, RETIRED_FISHERMAN -> Department.AGRICULTURE_RURAL;
            case ENTITLED_GROUP -> Department.VETERANS_AFFAIRS;
            case FAMILY_PLANNING_SPECIAL -> Department.HEALTH_COMMISSION;
            case SEVERE_DISABILITY -> Department.DISABLED_FEDERATION;
        };
    }

    public static Set<HardshipCategory> ownedBy(Department department) {
        Set<HardshipCategory> owned = EnumSet.noneOf(HardshipCategory.class);
        for (HardshipCategory c : HardshipCategory.values()) {
            if (ownerOf(c) == department) {
                owned.add(c);
            }
        }
        return owned;
    }
}
