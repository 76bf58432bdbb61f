package com.yibaoflow.enrollment;

/** The three doors of intake (issue #4 §1). */
public enum EnrollmentSource {
    API,
    TASKLIST,
    IMPORT
}
