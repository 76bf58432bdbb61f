-- A case waiting for payment after an API intake keeps no process variable: the steps after the wait (coverage,
-- lapse, reminder, withdrawal) find its case row by its process instance (docs/process-contracts.md).
create index enrollment_case_process_instance_idx on yibao.enrollment_case (process_instance_id);
