package com.yibaoflow.enrollment;

import java.time.LocalDate;
import java.util.List;

/**
 * Hardship categories a department roster currently lists a person under (R-SUB-12), so that enrollment verifies a
 * category the resident did not claim (issue #4 §4). Implemented by the hardship feature; enrollment only asks.
 */
public interface HardshipRosterMatches {

    /**
     * Category codes a current roster of the region lists the person under on the day. Entitlements from an earlier
     * roster (R-SUB-11) are asked separately, through {@link SubsidyEntitlementCheck}, which records their outcome.
     */
    List<String> currentCategories(String idNumber, String regionCode, int coverageYear, LocalDate asOf);
}
