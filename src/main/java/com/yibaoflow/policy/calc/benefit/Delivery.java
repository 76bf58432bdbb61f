package com.yibaoflow.policy.calc.benefit;

/** Inpatient delivery (住院分娩) of a stay, if any (R-BEN-03). */
public enum Delivery {
    NONE,
    NATURAL,
    CAESAREAN
}
