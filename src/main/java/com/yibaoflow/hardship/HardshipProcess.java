package com.yibaoflow.hardship;

/** The names {@code processes/hardship-verification.bpmn} and the Java side share (docs/process-contracts.md). */
public final class HardshipProcess {

    public static final String KEY = "hardship-verification";
    public static final String DECISION_ROUTING = "hardship-routing";

    public static final String ID_NUMBER = "idNumber";
    public static final String ID_NUMBER_MASKED = "idNumberMasked";
    public static final String PERSON_NAME = "personName";
    public static final String REGION_CODE = "regionCode";
    public static final String COVERAGE_YEAR = "coverageYear";
    public static final String CLAIMED_CATEGORIES = "claimedCategories";
    public static final String ENROLLMENT_CASE_ID = "enrollmentCaseId";
    public static final String VERIFICATION_ID = "verificationId";
    public static final String PENDING_CLAIMS = "pendingClaims";
    public static final String HAS_PENDING_CLAIMS = "hasPendingClaims";
    public static final String CLAIM_CATEGORY = "claimCategory";
    public static final String DEPARTMENT = "department";
    public static final String DECISION = "decision";
    public static final String REFUSAL_REASON = "refusalReason";
    public static final String EVIDENCE_REQUEST = "evidenceRequest";
    public static final String EVIDENCE_NOTE = "evidenceNote";
    public static final String VERIFIED_CATEGORIES = "verifiedCategories";
    public static final String APPLIED_CATEGORY = "appliedCategory";

    public static final String TASK_VERIFY_CLAIM = "Task_VerifyClaim";
    public static final String TASK_PROVIDE_EVIDENCE = "Task_ProvideEvidence";

    public static final String VERIFY = "VERIFY";
    public static final String REFUSE = "REFUSE";
    public static final String REQUEST_EVIDENCE = "REQUEST_EVIDENCE";

    private HardshipProcess() {}

    public static String businessKey(String regionCode, int coverageYear, String idNumber) {
        return "HV-" + regionCode + "-" + coverageYear + "-" + idNumber;
    }
}
