/** Major-matter requests and reports (重大事项请示报告): level-by-level process, document numbers, the policy gate. */
package com.yibaoflow.escalation;
