package com.yibaoflow.policy.calc;

import java.util.Map;

/**
 * The rules of {@code RULES.md} that the calculators apply, each with its ID and the clause of the source document
 * ([N] national notice 医保发〔2025〕22号, [D] Dongzhi 东政办〔2024〕11号, [G] 国办发〔2024〕38号).
 */
public enum Rule {
    R_REG_02("[D] (一)"),
    R_REG_03("[N] 四"),
    R_FUND_01("[D] (二)"),
    R_FUND_02("[D] (二)"),
    R_FUND_04("[N] 二"),
    R_FUND_05("[N] 二"),
    R_FUND_06("[N] 一"),
    R_ELIG_01("[D] (三), [N] 二"),
    R_ELIG_02("[D] (三)"),
    R_ELIG_03("[D] (九)"),
    R_SUB_01("[D] (十二)"),
    R_SUB_02("[D] (十二)"),
    R_SUB_03("[D] (十二)"),
    R_SUB_04("[D] (十二)"),
    R_SUB_05("[D] (十二)"),
    R_SUB_06("[D] (十二)"),
    R_SUB_07("[D] (十二)"),
    R_SUB_08("[D] (十二)"),
    R_SUB_09("[D] (十二)"),
    R_SUB_10("[D] (十二)"),
    R_SUB_11("[D] (十二)"),
    R_SUB_12("[D] (十二), (十五)"),
    R_SUB_13("[N] 二"),
    R_WAIT_01("[D] (五), [G]"),
    R_WAIT_02("[G]"),
    R_WAIT_03("[G]"),
    R_WAIT_04("[G]"),
    R_WAIT_05("[G], [D] (五)"),
    R_WAIT_06("[D] (五), [G]"),
    R_WAIT_07("[G]"),
    R_BEN_01("[N] 一, [D] (六)"),
    R_BEN_02("[D] (七)"),
    R_BEN_03("[D] (八)"),
    R_BEN_05("[N] 一, [D] (十一)"),
    R_BEN_06("国办发〔2021〕42号"),
    R_MON_01("[D] (十三), [N] 一"),
    R_MON_02("[D] (十三)");

    private static final Map<HardshipCategory, Rule> SUBSIDY_RULES = Map.of(
            HardshipCategory.EXTREME_POVERTY, R_SUB_01,
            HardshipCategory.MINIMUM_LIVING, R_SUB_02,
            HardshipCategory.ENTITLED_GROUP, R_SUB_03,
            HardshipCategory.FAMILY_PLANNING_SPECIAL, R_SUB_04,
            HardshipCategory.RELAPSED_POVERTY, R_SUB_05,
            HardshipCategory.POVERTY_MONITORING, R_SUB_06,
            HardshipCategory.RETIRED_FISHERMAN, R_SUB_07,
            HardshipCategory.SEVERE_DISABILITY, R_SUB_08,
            HardshipCategory.ORPHAN, R_SUB_13);

    private final String clause;

    Rule(String clause) {
        this.clause = clause;
    }

    /** "R-SUB-09". */
    public String id() {
        return name().replace('_', '-');
    }

    /** "[D] (十二)". */
    public String clause() {
        return clause;
    }

    /** The rule fixing the subsidy of a hardship category (R-SUB-01..08, R-SUB-13 for orphans). */
    public static Rule subsidyRuleOf(HardshipCategory category) {
        return SUBSIDY_RULES.get(category);
    }
}
