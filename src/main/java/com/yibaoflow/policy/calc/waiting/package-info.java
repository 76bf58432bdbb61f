/** Waiting periods. */
@org.springframework.modulith.NamedInterface("calc-waiting")
package com.yibaoflow.policy.calc.waiting;
