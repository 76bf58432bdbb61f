package com.yibaoflow.policy.calc.contribution;

import com.yibaoflow.policy.calc.HardshipCategory;

/**
 * R-SUB-11: what this year's eligibility check found for an entitlement recorded last year (a person identified as a
 * hardship person after last year's collection period, already enrolled and paid).
 *
 * @param category the category of the entitlement
 * @param applied  true when the owning department's current roster still lists the person under it (the subsidy
 *                 applies), false when it lapsed (reported, not applied)
 * @param detail   the recorded outcome in Chinese, naming the roster versions (may be null)
 */
public record EntitlementOutcome(HardshipCategory category, boolean applied, String detail) {}
