package com.yibaoflow.escalation;

/** The names {@code processes/major-matter-request.bpmn} and the Java side share. */
final class MajorMatterProcess {

    static final String KEY = "major-matter-request";
    static final String DECISION_ROUTING = "major-matter-routing";
    static final String MESSAGE_WITHDRAWN = "MajorMatterWithdrawn";

    static final String REQUEST_ID = "requestId";
    static final String MATTER_TYPE = "matterType";
    static final String REGION_CODE = "regionCode";
    static final String TITLE = "title";
    static final String ROUND = "round";
    static final String DECIDING_LEVEL = "decidingLevel";
    static final String FILED_NATIONALLY = "filedNationally";
    static final String REFUSED = "refused";
    static final String REFUSAL_REASON = "refusalReason";
    static final String REPORT = "report";
    static final String DECISION = "decision";
    static final String OPINION = "opinion";
    static final String OPINION_HISTORY = "opinionHistory";

    // the facts the forms show read-only, set at submission and on upload (MajorMatterService)
    static final String SITUATION = "situation";
    static final String PROPOSAL = "proposal";
    static final String DOCUMENT_NUMBER = "documentNumber";
    static final String MATTER_TYPE_LABEL = "matterTypeLabel";
    static final String POLICY_VERSION_LABEL = "policyVersionLabel";
    static final String ATTACHMENT_NAMES = "attachmentNames";
    static final String DRAFTED_BY = "draftedBy";

    static final String TASK_COUNTY = "Task_CountyReview";
    static final String TASK_CITY = "Task_CityReview";
    static final String TASK_PROVINCE = "Task_ProvinceReview";
    static final String TASK_FINANCE = "Task_FinanceOpinion";
    static final String TASK_JOINT = "Task_JointOpinion";
    static final String TASK_FILE = "Task_FileNationally";
    static final String TASK_REVISE = "Task_ReviseRequest";

    static final String APPROVE = "APPROVE";
    static final String RETURN = "RETURN";
    static final String REJECT = "REJECT";
    static final String ACKNOWLEDGE = "ACKNOWLEDGE";

    private MajorMatterProcess() {}

    static String businessKey(String regionCode, String documentNumberOrId) {
        return "MM-" + regionCode + "-" + documentNumberOrId;
    }
}
