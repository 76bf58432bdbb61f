package com.yibaoflow.enrollment;

/** Why a case needs a caseworker's review (issue #4 §6): the exceptions to straight-through processing. */
enum ReviewReason {
    NON_LOCAL_WITHOUT_PERMIT("非本县户籍且未提供居住证"),
    OUTSIDE_COLLECTION_PERIOD("集中征缴期外参保（适用待遇等待期）"),
    DATA_CONFLICT_NAME("姓名与既往参保记录不一致"),
    DATA_CONFLICT_NEWBORN_AGE("新生儿出生日期与参保年度不符");

    private final String chineseText;

    ReviewReason(String chineseText) {
        this.chineseText = chineseText;
    }

    public String chineseText() {
        return chineseText;
    }
}
