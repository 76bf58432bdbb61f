package com.yibaoflow.escalation;

/**
 * The kinds of request and report (R-MM-04); which level decides each, whether it is filed nationally or refused is
 * the routing table's business ({@code processes/major-matter-routing.dmn}), not this enum's.
 */
enum MajorMatterType {
    CONTRIBUTION_STANDARD("个人缴费标准"),
    FISCAL_SUBSIDY_STANDARD("财政补助标准"),
    BENEFIT_ADJUSTMENT("待遇调整（基金支付困难）"),
    REFORM_MEASURE("改革措施"),
    OUTSIDE_LOCAL_POWERS("超出地方权限的事项"),
    MAJOR_SITUATION_REPORT("重大情况报告");

    private final String label;

    MajorMatterType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
