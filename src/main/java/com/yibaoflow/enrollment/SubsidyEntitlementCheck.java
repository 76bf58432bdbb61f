package com.yibaoflow.enrollment;

import java.time.LocalDate;
import java.util.List;

/**
 * R-SUB-11 at next year's check (issue #17 item 8): a person identified as a hardship person after the collection
 * period of year N, already enrolled and paid, is entitled to the subsidy of year N + 1. When the enrollment of year
 * N + 1 checks eligibility it asks here which of the person's entitlements apply. Implemented by the hardship feature
 * (which owns rosters and entitlements); enrollment only asks, and verifies the categories returned like any claim.
 */
public interface SubsidyEntitlementCheck {

    /** An entitlement as a case checked it: category code, whether it applied, the recorded outcome in Chinese. */
    record Checked(String category, boolean applied, String outcome) {}

    /**
     * Checks the person's entitlements for the region and coverage year on the day, records each as applied (the
     * owning department's current roster still lists the person under the category) or lapsed (it does not: reported,
     * not applied), tells the case history of {@code businessKey}, and returns the category codes that apply.
     */
    List<String> applicableCategories(
            String businessKey, String idNumber, String regionCode, int coverageYear, LocalDate asOf);

    /**
     * The entitlements of the person to the region and year that the case {@code businessKey} checked, as recorded
     * (none when it checked none), for the contribution explanation (R-SUB-11).
     */
    List<Checked> checkedBy(String businessKey, String idNumber, String regionCode, int coverageYear);
}
