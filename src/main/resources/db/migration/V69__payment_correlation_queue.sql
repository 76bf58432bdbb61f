-- Issue #16 (payments accepted at 300 /s): an accepted payment is recorded and answered at once; the case's process
-- hears of it a moment later from a background batch (enrollment PaymentCorrelations), which sets correlated_at.
-- Until then the accepted row is the queue: nothing is lost if a node dies, and a batch taken FOR UPDATE SKIP LOCKED
-- is never correlated twice. Every payment accepted before this migration was correlated in its request.
alter table yibao.payment add column correlated_at timestamptz;
update yibao.payment set correlated_at = received_at where outcome = 'ACCEPTED';
create index payment_to_correlate on yibao.payment (received_at) where outcome = 'ACCEPTED' and correlated_at is null;
-- accepted payments of a case (the second one is an overpayment, the deadline sweep passes a paid case by)
create index payment_accepted_case on yibao.payment (case_id) where outcome = 'ACCEPTED';
