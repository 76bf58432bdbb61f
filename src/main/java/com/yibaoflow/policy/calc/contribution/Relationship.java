package com.yibaoflow.policy.calc.contribution;

/** Close relatives (近亲属) whose contribution an employee-insurance personal account may pay (R-FUND-06). */
public enum Relationship {
    SPOUSE,
    PARENT,
    CHILD,
    SIBLING,
    GRANDPARENT,
    GRANDCHILD
}
