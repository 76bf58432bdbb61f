package com.yibaoflow.policy.calc;

/** Hardship categories of classified subsidized enrollment (R-SUB-01..08, R-SUB-13). */
public enum HardshipCategory {
    EXTREME_POVERTY("特困人员"),
    ORPHAN("孤儿"),
    MINIMUM_LIVING("低保对象"),
    ENTITLED_GROUP("重点优抚对象"),
    FAMILY_PLANNING_SPECIAL("计划生育特殊家庭"),
    RELAPSED_POVERTY("返贫致贫人口"),
    POVERTY_MONITORING("防止返贫监测对象"),
    RETIRED_FISHERMAN("退捕渔民"),
    SEVERE_DISABILITY("一、二级重度残疾人");

    private final String chineseName;

    HardshipCategory(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
