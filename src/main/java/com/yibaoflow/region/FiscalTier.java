package com.yibaoflow.region;

/** Fiscal tier of a province for the central share of the fiscal subsidy (R-REG-01, R-FUND-04). */
public enum FiscalTier {
    EAST,
    CENTRAL,
    WEST
}
