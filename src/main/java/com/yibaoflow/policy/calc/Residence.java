package com.yibaoflow.policy.calc;

/** Household / residence category of an applicant (R-ELIG-01). */
public enum Residence {
    /** 本县户籍 local household registration. */
    LOCAL_HUKOU,
    /** 非本县户籍、在本县居住 non-local, living in the county (residence permit as evidence). */
    NON_LOCAL_RESIDENT,
    /** 在校学生 student of a local institution. */
    STUDENT,
    /** 新生儿 newborn. */
    NEWBORN
}
