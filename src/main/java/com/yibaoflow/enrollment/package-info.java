/** Enrollment approval (参保登记): intake, eligibility, contribution, payment, coverage, roster and registry imports. */
package com.yibaoflow.enrollment;
