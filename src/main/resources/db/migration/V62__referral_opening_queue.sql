-- Referral work a burden scan leaves to the background (issue #19 §3): the scan records its warnings and, in the same
-- transaction, inserts or raises the referral rows set-based (the partial unique index high_cost_referral_one_open
-- still decides races) and queues here what the engine has to do per case: OPEN starts the case's process, RAISE
-- updates the open case's facts. Batches of the queue are taken FOR UPDATE SKIP LOCKED by the jobs of
-- processes/high-cost-referral-openings.bpmn and deleted in the transaction that did their work, so a node that dies
-- mid-way leaves the rest (and its own uncommitted batch) queued, and nothing is done twice.
create table high_cost_referral_pending (
    id           bigserial    primary key,
    referral_id  bigint       not null references high_cost_referral (id),
    scan_id      bigint       not null references monitoring_scan (id),
    kind         varchar(10)  not null check (kind in ('OPEN', 'RAISE')),
    actor        varchar(64)  not null,
    queued_at    timestamptz  not null
);
create index high_cost_referral_pending_scan on high_cost_referral_pending (scan_id);
-- a scan's progress: how many of the cases it opened have their process (GET /api/monitoring/scans/{id})
create index high_cost_referral_first_scan on high_cost_referral (first_scan_id) where process_instance_id is not null;
