package com.yibaoflow.policy.calc.contribution;

/**
 * The holder of an employee-insurance personal account (职工医保个人账户) paying the contribution of a close relative
 * (R-FUND-06). Recorded with the result; all three fields are required when a payer is given.
 */
public record Payer(String idNumber, String name, Relationship relationship) {}
