/** Pure calculators' common types: policy snapshot, parameters, explanations, money, rules. No Spring, no database. */
@org.springframework.modulith.NamedInterface("calc")
package com.yibaoflow.policy.calc;
