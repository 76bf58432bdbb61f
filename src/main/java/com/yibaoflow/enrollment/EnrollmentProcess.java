package com.yibaoflow.enrollment;

/**
 * The names {@code processes/enrollment.bpmn} and the Java side share (docs/process-contracts.md). A model and this
 * class change together.
 */
public final class EnrollmentProcess {

    public static final String KEY = "enrollment";

    // variables
    public static final String CASE_ID = "caseId";
    public static final String ID_NUMBER = "idNumber";
    public static final String ID_NUMBER_MASKED = "idNumberMasked";
    public static final String NAME = "name";
    public static final String REGION_CODE = "regionCode";
    public static final String COVERAGE_YEAR = "coverageYear";
    public static final String RESIDENCE = "residence";
    public static final String RESIDENCE_PERMIT_NUMBER = "residencePermitNumber";
    public static final String TOWNSHIP = "township";
    public static final String PHONE = "phone";
    public static final String CLAIMED_CATEGORIES = "claimedCategories";
    public static final String IDENTITY_VALID = "identityValid";
    public static final String ELIGIBLE = "eligible";
    public static final String REJECTION_REASON = "rejectionReason";
    public static final String NEEDS_REVIEW = "needsReview";
    public static final String REVIEW_REASONS = "reviewReasons";
    public static final String REVIEW_DUE_DATE = "reviewDueDate";
    public static final String HAS_HARDSHIP_CLAIMS = "hasHardshipClaims";
    public static final String HARDSHIP_CLAIMS = "hardshipClaims";
    public static final String VERIFIED_CATEGORIES = "verifiedCategories";
    public static final String APPLIED_CATEGORY = "appliedCategory";
    public static final String PERSONAL_DUE_IS_ZERO = "personalDueIsZero";
    public static final String PERSONAL_DUE = "personalDue";
    public static final String POLICY_VERSION = "policyVersion";
    /** R-WAIT-04: the back-payment breakdown the review form shows (issue #17 item 1). */
    public static final String BACK_PAYMENT = "backPayment";
    /** The provenance states of the figures the review form shows, in Chinese (issue #17 item 2). */
    public static final String PERSONAL_DUE_PROVENANCE = "personalDueProvenance";

    public static final String BACK_PAYMENT_PROVENANCE = "backPaymentProvenance";

    public static final String REVIEW_DECISION = "reviewDecision";
    public static final String REVIEW_REASON_CODE = "reviewReasonCode";
    public static final String REVIEW_COMMENT = "reviewComment";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String PAID_AT = "paidAt";
    public static final String PAID_AMOUNT = "paidAmount";
    public static final String REJECTION_DETAIL = "rejectionDetail";
    public static final String WITHDRAWN_BY = "withdrawnBy";

    // messages and errors
    /** Starts an API application at {@code StartEvent_ApplicationSubmitted}, synchronously (no registration job). */
    public static final String MESSAGE_APPLICATION_SUBMITTED = "ApplicationSubmitted";

    public static final String MESSAGE_PAYMENT_CONFIRMED = "PaymentConfirmed";
    public static final String MESSAGE_WITHDRAWAL_REQUESTED = "WithdrawalRequested";
    /** Sent by the payment deadline sweep: remind the township (non-interrupting, {@code Event_PaymentReminderDue}). */
    public static final String MESSAGE_PAYMENT_REMINDER_DUE = "PaymentReminderDue";
    /** Sent by the payment deadline sweep: the deadline has passed, the case lapses ({@code Event_PaymentDeadlinePassed}). */
    public static final String MESSAGE_PAYMENT_DEADLINE_PASSED = "PaymentDeadlinePassed";

    public static final String ERROR_DUPLICATE_ENROLLMENT = "DUPLICATE_ENROLLMENT";

    // activities
    public static final String TASK_REVIEW = "Task_ReviewEnrollment";
    public static final String TASK_CORRECT = "Task_CorrectApplication";
    public static final String TASK_AWAIT_PAYMENT = "Task_AwaitPayment";

    // review decisions
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String SEND_BACK = "SEND_BACK";

    private EnrollmentProcess() {}

    public static String businessKey(String regionCode, int coverageYear, String idNumber) {
        return "ENR-" + regionCode + "-" + coverageYear + "-" + idNumber;
    }
}
