package com.yibaoflow.policy;

/** County → city → province (R-REG-01). */
public enum RegionLevel {
    PROVINCE, CITY, COUNTY
}
