package com.yibaoflow.enrollment;

/** Where a case stands; the last four are end states (issue #4 §9). */
public enum EnrollmentStatus {
    RECEIVED("已受理"),
    IN_REVIEW("审核中"),
    AWAITING_PAYMENT("待缴费"),
    ENROLLED("已参保"),
    REJECTED("不予参保"),
    LAPSED("逾期未缴费"),
    WITHDRAWN("已撤回");

    private final String chineseName;

    EnrollmentStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The status as a caseworker reads it (issue #21 §3: no enum constant on their screen). */
    public String chineseName() {
        return chineseName;
    }
}
