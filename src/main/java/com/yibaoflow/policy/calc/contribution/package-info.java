/** Contribution, subsidy and fiscal split. */
@org.springframework.modulith.NamedInterface("calc-contribution")
package com.yibaoflow.policy.calc.contribution;
