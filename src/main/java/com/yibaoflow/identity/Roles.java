package com.yibaoflow.identity;

/** Role names for {@code @PreAuthorize}, one per department group (groups are roles). */
public final class Roles {

    public static final String CASEWORKER = "medical-security";
    public static final String SUPERVISOR = "medical-security-supervisors";
    public static final String ADMIN = "camunda-admin";
    public static final String AUDITOR = "auditors";
    public static final String TAX = "tax";

    private Roles() {}
}
