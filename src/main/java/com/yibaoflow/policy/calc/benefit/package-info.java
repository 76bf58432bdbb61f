/** Inpatient benefit calculation: basic insurance, critical-illness insurance and medical assistance layers. */
@org.springframework.modulith.NamedInterface("calc-benefit")
package com.yibaoflow.policy.calc.benefit;
