package com.yibaoflow.enrollment;

/**
 * How a step names its case: by {@code caseId} where the process stores it (roster and Tasklist doors, and every
 * case going to hardship verification), else by the process instance the case row is linked to, or, in an API
 * application's own transaction, by the business key of the case being taken in ({@link CaseLookup}).
 */
record CaseRef(Long caseId, String processInstanceId, String businessKey) {}
