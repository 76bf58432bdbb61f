package com.yibaoflow.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The departments of RULES.md §9, each a Camunda group (candidate group of user tasks) and a role of our API. The
 * ids are part of the BPMN models and of the API: never rename one.
 */
public enum Department {
    MEDICAL_SECURITY("medical-security", "县医疗保障局（经办）", "county medical security bureau, caseworkers"),
    MEDICAL_SECURITY_SUPERVISORS(
            "medical-security-supervisors", "县医疗保障局（审核主管）", "county medical security bureau, supervisors"),
    TAX("tax", "县税务局", "county tax bureau: collection of contributions"),
    FINANCE("finance", "县财政局", "county finance bureau: subsidy funds"),
    CIVIL_AFFAIRS("civil-affairs", "县民政局", "civil affairs: rosters of 特困/低保, monitoring referrals"),
    CIVIL_AFFAIRS_SUPERVISORS(
            "civil-affairs-supervisors", "县民政局（分管负责人）", "civil affairs, supervisors: confirm large roster changes"),
    AGRICULTURE_RURAL(
            "agriculture-rural", "县农业农村局", "agriculture & rural affairs: rosters of 返贫致贫/监测对象/退捕渔民, referrals"),
    AGRICULTURE_RURAL_SUPERVISORS(
            "agriculture-rural-supervisors",
            "县农业农村局（分管负责人）",
            "agriculture & rural affairs, supervisors: confirm large roster changes"),
    VETERANS_AFFAIRS("veterans-affairs", "县退役军人事务局", "veterans affairs: roster of 重点优抚对象"),
    VETERANS_AFFAIRS_SUPERVISORS("veterans-affairs-supervisors", "县退役军人事务局（分管负责人）", "veterans affairs, supervisors"),
    HEALTH_COMMISSION("health-commission", "县卫生健康委员会", "health commission: roster of 计划生育特殊家庭"),
    HEALTH_COMMISSION_SUPERVISORS("health-commission-supervisors", "县卫生健康委员会（分管负责人）", "health commission, supervisors"),
    DISABLED_FEDERATION("disabled-federation", "县残疾人联合会", "disabled persons' federation: roster of severe disability"),
    DISABLED_FEDERATION_SUPERVISORS(
            "disabled-federation-supervisors", "县残疾人联合会（分管负责人）", "disabled persons' federation, supervisors"),
    TOWNSHIPS("townships", "乡镇人民政府", "townships: collection in their area, outreach"),
    EDUCATION("education", "县教育体育局", "education: student publicity"),
    CITY_MEDICAL_SECURITY("city-medical-security", "市医疗保障局", "city medical security bureau: requests on their way up"),
    CITY_MEDICAL_SECURITY_SUPERVISORS(
            "city-medical-security-supervisors",
            "市医疗保障局（分管负责人）",
            "city medical security bureau, supervisors: overdue major-matter requests are escalated to them"),
    PROVINCIAL_MEDICAL_SECURITY(
            "provincial-medical-security", "省医疗保障局", "provincial medical security bureau: handling opinions"),
    PROVINCIAL_MEDICAL_SECURITY_SUPERVISORS(
            "provincial-medical-security-supervisors",
            "省医疗保障局（分管负责人）",
            "provincial medical security bureau, supervisors: overdue major-matter requests are escalated to them"),
    PROVINCIAL_FINANCE("provincial-finance", "省财政厅", "provincial finance department: consulted on requests"),
    PROVINCIAL_FINANCE_SUPERVISORS(
            "provincial-finance-supervisors",
            "省财政厅（分管负责人）",
            "provincial finance department, supervisors: overdue consultations are escalated to them"),
    AUDITORS("auditors", "审计", "auditors: read-only trace of every case"),
    CAMUNDA_ADMIN("camunda-admin", "系统管理员", "administrators");

    private final String groupId;
    private final String chineseName;
    private final String duty;

    Department(String groupId, String chineseName, String duty) {
        this.groupId = groupId;
        this.chineseName = chineseName;
        this.duty = duty;
    }

    public String groupId() {
        return groupId;
    }

    public String chineseName() {
        return chineseName;
    }

    public String duty() {
        return duty;
    }

    /** The Spring Security role of the group: {@code ROLE_<groupId>}. */
    public String authority() {
        return "ROLE_" + groupId;
    }

    /**
     * The group of this department's supervisors ({@code <group>-supervisors}), who confirm what one clerk should not
     * decide alone and take over what is overdue; empty for a department without one.
     */
    public Optional<Department> supervisors() {
        return byGroupId(groupId + "-supervisors");
    }

    public static Optional<Department> byGroupId(String groupId) {
        return Arrays.stream(values()).filter(d -> d.groupId.equals(groupId)).findFirst();
    }

    public static boolean exists(String groupId) {
        return byGroupId(groupId).isPresent();
    }
}
