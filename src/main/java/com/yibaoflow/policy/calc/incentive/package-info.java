/** Critical-illness limit incentives for continuous enrollment. */
@org.springframework.modulith.NamedInterface("calc-incentive")
package com.yibaoflow.policy.calc.incentive;
