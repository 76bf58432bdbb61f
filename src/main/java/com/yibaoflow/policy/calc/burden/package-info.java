/** Out-of-pocket burden against the monitoring warning lines. */
@org.springframework.modulith.NamedInterface("calc-burden")
package com.yibaoflow.policy.calc.burden;
