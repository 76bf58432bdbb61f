package com.yibaoflow.monitoring;

import com.yibaoflow.identity.Department;
import java.util.List;

/** The names {@code processes/high-cost-referral.bpmn} and the Java side share (docs/process-contracts.md). */
final class ReferralProcess {

    static final String KEY = "high-cost-referral";

    /** The two departments every referral goes to, in parallel (R-MON-02). */
    static final List<String> DEPARTMENTS =
            List.of(Department.CIVIL_AFFAIRS.groupId(), Department.AGRICULTURE_RURAL.groupId());

    // set at the start
    static final String REFERRAL_ID = "referralId";
    static final String ID_NUMBER = "idNumber";
    static final String ID_NUMBER_MASKED = "idNumberMasked";
    /** The name on the person's latest coverage, 参保人 when none is known: the task's name says it (issue #21 §3). */
    static final String PERSON_NAME = "personName";

    static final String UNKNOWN_PERSON = "参保人";
    static final String REGION_CODE = "regionCode";
    /** The region's name (东至县), what the form shows instead of its code. */
    static final String REGION_NAME = "regionName";

    static final String COVERAGE_YEAR = "coverageYear";
    static final String DEPARTMENT_LIST = "departments";
    static final String VERIFICATION_WORKING_DAYS = "verificationWorkingDays";
    static final String ESCALATION_WORKING_DAYS = "escalationWorkingDays";
    static final String FOLLOW_UP_PERIOD = "followUpPeriod";
    // the cost summary the departments read (strings: amounts shown as the scan computed them)
    static final String POPULATION_GROUP_LABEL = "populationGroupLabel";
    static final String CATEGORIES_LABEL = "categoriesLabel";
    static final String OUT_OF_POCKET = "outOfPocket";
    static final String WARNING_LINE = "warningLine";
    static final String LINE_REACHED = "lineReached";
    static final String TOTAL_COST = "totalCost";
    static final String BASIC_PAID = "basicPaid";
    static final String CRITICAL_ILLNESS_PAID = "criticalIllnessPaid";
    static final String ASSISTANCE_PAID = "assistancePaid";
    static final String CLAIM_COUNT = "claimCount";
    static final String SCAN_AS_OF = "scanAsOf";
    /** Provenance of the figures the form shows, in Chinese (issue #17 item 2). */
    static final String WARNING_LINE_PROVENANCE = "warningLineProvenance";

    static final String COSTS_PROVENANCE = "costsProvenance";

    // per department (local to the multi-instance sub-process)
    static final String DEPARTMENT = "department";
    static final String OUTCOME = "outcome";
    static final String IDENTIFIED_CATEGORY = "identifiedCategory";
    static final String OUTCOME_REASON = "outcomeReason";
    static final String DECIDED_BY = "decidedBy";

    // after the outcomes
    static final String HARDSHIP_CATEGORIES = "hardshipCategories";
    static final String NEEDS_HARDSHIP_VERIFICATION = "needsHardshipVerification";
    static final String STILL_AT_RISK = "stillAtRisk";

    static final String TASK_VERIFY = "Task_VerifyReferral";

    private ReferralProcess() {}

    static String businessKey(String regionCode, int coverageYear, String idNumber) {
        return "HC-" + regionCode + "-" + coverageYear + "-" + idNumber;
    }
}
