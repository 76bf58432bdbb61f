package com.yibaoflow.region;

/** County → city → province (R-REG-01). */
public enum RegionLevel {
    PROVINCE,
    CITY,
    COUNTY
}
