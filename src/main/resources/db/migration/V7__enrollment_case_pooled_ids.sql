-- Enrollment case ids come 50 at a time (Hibernate's pooled optimizer, allocationSize 50 in EnrollmentCase): a door
-- knows a new case's id before writing the row, so it inserts the case once, already linked to its process, and the
-- roster door's 200 inserts a transaction go out in JDBC batches (docs/benchmarks.md). Rows written without an id
-- still take the column default from the same sequence.
alter sequence enrollment_case_id_seq increment by 50;
