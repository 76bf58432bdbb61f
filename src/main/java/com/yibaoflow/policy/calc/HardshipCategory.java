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

    /**
     * A category by its code, its Chinese name, or the short names department files use (低保, 特困 …); null if
     * the text names none.
     */
    public static HardshipCategory parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (HardshipCategory c : values()) {
            if (c.name().equalsIgnoreCase(t) || c.chineseName.equals(t)) {
                return c;
            }
        }
        return switch (t) {
            case "特困", "特困供养人员" -> EXTREME_POVERTY;
            case "低保", "低保户", "最低生活保障对象" -> MINIMUM_LIVING;
            case "孤儿（含事实无人抚养儿童）", "孤儿/事实无人抚养儿童", "事实无人抚养儿童" -> ORPHAN;
            case "优抚对象" -> ENTITLED_GROUP;
            case "重度残疾人", "一二级重度残疾人" -> SEVERE_DISABILITY;
            case "监测对象" -> POVERTY_MONITORING;
            default -> null;
        };
    }
}
