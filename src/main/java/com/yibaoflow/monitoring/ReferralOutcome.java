package com.yibaoflow.monitoring;

import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;

/**
 * A department's verification outcome of a referral (R-MON-03). Bringing a person into medical assistance or into
 * low-income monitoring may name the hardship category the department identifies them as (for low-income monitoring
 * it must); such a category starts hardship verification. Not eligible needs a reason.
 */
enum ReferralOutcome {
    MEDICAL_ASSISTANCE("纳入医疗救助", true, false),
    LOW_INCOME_MONITORING("纳入低收入人口监测", true, true),
    TEMPORARY_ASSISTANCE("给予临时救助", false, false),
    CHARITY_MATCHED("链接慈善帮扶资源", false, false),
    NOT_ELIGIBLE("经核实不符合救助条件", false, false);

    private final String chineseName;
    private final boolean mayNameCategory;
    private final boolean mustNameCategory;

    ReferralOutcome(String chineseName, boolean mayNameCategory, boolean mustNameCategory) {
        this.chineseName = chineseName;
        this.mayNameCategory = mayNameCategory;
        this.mustNameCategory = mustNameCategory;
    }

    String chineseName() {
        return chineseName;
    }

    boolean mayNameCategory() {
        return mayNameCategory;
    }

    boolean mustNameCategory() {
        return mustNameCategory;
    }

    static ReferralOutcome parse(String code) {
        if (code == null) {
            return null;
        }
        try {
            return valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String groupLabel(PopulationGroup group) {
        return switch (group) {
            case LOW_INCOME -> "低收入人口（特困、低保、孤儿）";
            case FORMERLY_POOR -> "返贫致贫人口、防止返贫监测对象";
            case RURAL_OTHER -> "其他农村居民";
            case OTHER -> "其他参保人员";
        };
    }
}
