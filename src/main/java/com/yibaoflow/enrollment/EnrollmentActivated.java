package com.yibaoflow.enrollment;

/** Published when a case's coverage is activated (the person is enrolled and paid for the year). */
public record EnrollmentActivated(String idNumber, String regionCode, int coverageYear) {
}
