package com.yibaoflow.escalation;

/** Who holds a request (R-MM-02): the drafter (after a return), the county, the city or the province. */
enum MajorMatterLevel {
    DRAFTER,
    COUNTY,
    CITY,
    PROVINCE
}
