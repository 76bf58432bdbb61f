package com.yibaoflow.policy.calc.burden;

/** R-MON-02: below the warning line, or reaching it (pushed to civil affairs and agriculture & rural affairs). */
public enum BurdenStatus {
    BELOW,
    WARNING
}
