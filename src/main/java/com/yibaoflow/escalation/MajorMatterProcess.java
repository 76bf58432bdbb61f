package com.yibaoflow.escalation;

/** The names {@code processes/major-matter-request.bpmn} and the Java side share. */
final class MajorMatterProcess {

    static final String KEY = "major-matter-request";
    static final String DECISION_ROUTING = "major-matter-routing";
    static final String MESSAGE_WITHDRAWN = "MajorMatterWithdrawn";

    static final String REQUEST_ID = "requestId";
    static final String MATTER_TYPE = "matterType";
    static final String REGION_CODE = "regionCode";
    /** The drafting region's name (东至县), what the forms show instead of its code. */
    static final String REGION_NAME = "regionName";

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

    // the facts the forms show read-only, set at submission (MajorMatterSubmissions) and on upload
    // (MajorMatterAttachmentUploads)
    static final String SITUATION = "situation";
    static final String PROPOSAL = "proposal";
    static final String MATTER_TYPE_LABEL = "matterTypeLabel";
    static final String POLICY_VERSION_LABEL = "policyVersionLabel";
    static final String ATTACHMENT_NAMES = "attachmentNames";
    static final String DRAFTED_BY = "draftedBy";

    /** Set by the submitting API: the request's document number (东医保〔2025〕3号). */
    static final String DOCUMENT_NUMBER = "documentNumber";
    /** Set by the submitting API when the request asks to activate a DRAFT version of its region's policy. */
    static final String POLICY_COVERAGE_YEAR = "policyCoverageYear";

    static final String POLICY_VERSION = "policyVersion";
    /** Who recorded the province's approving handling opinion; the activation is recorded in their name. */
    static final String APPROVED_BY = "approvedBy";

    static final String ACTIVATED_VERSION = "activatedVersion";
    static final String ACTIVATION_REFUSAL = "activationRefusal";
    static final String CONCLUDED = "concluded";
    static final String ERROR_ACTIVATION_REFUSED = "PolicyActivationRefused";

    /** Local to each filing task: the agency (NHSA, MOF, STA), and what the form records. */
    static final String FILING_AGENCY = "filingAgency";

    static final String FILING_REFERENCE = "filingReference";
    static final String FILING_DATE = "filingDate";

    /** Local to the reminder and escalation steps (input parameters of the model). */
    static final String LEVEL_STEP = "levelStep";

    static final String LEVEL_NAME = "levelName";
    static final String LEVEL_GROUP = "levelGroup";
    static final String ESCALATION_GROUP = "escalationGroup";

    static final String TASK_COUNTY = "Task_CountyReview";
    static final String TASK_CITY = "Task_CityReview";
    static final String TASK_PROVINCE = "Task_ProvinceReview";
    static final String TASK_FINANCE = "Task_FinanceOpinion";
    static final String TASK_JOINT = "Task_JointOpinion";
    static final String TASK_FILE_NHSA = "Task_FileWithNhsa";
    static final String TASK_FILE_MOF = "Task_FileWithMof";
    static final String TASK_FILE_STA = "Task_FileWithSta";
    /** R-MM-01: the three parallel national filings, one task per agency (local {@link #FILING_AGENCY}). */
    static final java.util.Set<String> FILING_TASKS = java.util.Set.of(TASK_FILE_NHSA, TASK_FILE_MOF, TASK_FILE_STA);

    static final String TASK_ACTIVATE = "Task_ActivatePolicy";
    static final String TASK_REVISE = "Task_ReviseRequest";

    /**
     * Each user task's step, as the opinion history and the opinion records name it. The task names in Tasklist add
     * the request's document number and title (issue #21 §3), which the history of that very request need not repeat.
     */
    static final java.util.Map<String, String> STEP_NAMES = java.util.Map.of(
            TASK_COUNTY, "县医保局审核",
            TASK_CITY, "市医保局审核",
            TASK_PROVINCE, "省医保局研究意见",
            TASK_FINANCE, "省财政厅会签意见",
            TASK_JOINT, "形成办理意见",
            TASK_FILE_NHSA, "向国家医保局备案",
            TASK_FILE_MOF, "向财政部备案",
            TASK_FILE_STA, "向国家税务总局备案",
            TASK_REVISE, "修改请示（退回）");

    static final String APPROVE = "APPROVE";
    static final String RETURN = "RETURN";
    static final String REJECT = "REJECT";
    static final String ACKNOWLEDGE = "ACKNOWLEDGE";

    private MajorMatterProcess() {}

    /** The step a user task stands for, without the request it belongs to. */
    static String stepName(String taskKey) {
        String name = STEP_NAMES.get(taskKey);
        if (name == null) {
            throw new IllegalArgumentException("No user task " + taskKey + " in " + KEY);
        }
        return name;
    }

    static String businessKey(String regionCode, String documentNumberOrId) {
        return "MM-" + regionCode + "-" + documentNumberOrId;
    }
}
