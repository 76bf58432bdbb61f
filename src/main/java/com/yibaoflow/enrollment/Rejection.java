package com.yibaoflow.enrollment;

/** Why a step turns an application down: the reason code and what the applicant is told. */
record Rejection(RejectionReason reason, String detail) {}
