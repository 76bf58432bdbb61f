package com.yibaoflow.policy;

/**
 * What the validator found worth saying about a parameter set that it still accepts: a coverage year without national
 * floors on record (R-FUND-03), an R-BEN-02 critical-illness figure out of line with the province's income. Recorded
 * on the version at each check and shown by the API.
 */
public record PolicyWarning(String ruleId, String field, String message) {}
