-- The payment wait has no timers of its own: an hourly sweep (processes/payment-deadline-sweep.bpmn) signals the
-- township reminder and the lapse to the cases that are due, read from their payment deadline
-- (docs/process-contracts.md). The reminder is signalled once; this column says when.
alter table yibao.enrollment_case add column township_reminded_at timestamptz;

-- the sweep reads the cases waiting for payment whose deadline is near or past, and only those
create index enrollment_case_awaiting_payment_idx on yibao.enrollment_case (payment_deadline, id)
    where status = 'AWAITING_PAYMENT';
