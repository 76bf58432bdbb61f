-- Issue #19 §1: a claims import survives a crash, and a county's year (1 000 000 claims) loads in under 2 minutes.
--
-- Resumable, as the enrollment imports of V50: the uploaded file is kept (file_path) until the import ends, the
-- import is recorded RUNNING with its worker and the parameters it runs with (the uploader's region codes, the day
-- that counts as today), and the worker renews heartbeat_at while it runs. The import itself is one transaction:
-- a crash leaves no claim and no row error of it, only the RUNNING record, which a node whose sweep finds the worker
-- gone (or released by an orderly stop) takes over and runs again from the kept file. The upsert on claim_id makes
-- that idempotent; the last statement marks the import COMPLETED only while its worker still holds it.
alter table claim_import
    add column status       varchar(12)   not null default 'COMPLETED'
                                          check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    add column region_codes text,
    add column as_of        date,
    add column file_path    varchar(1000),
    add column worker       varchar(200),
    add column heartbeat_at timestamptz,
    add column failure      varchar(1000),
    add column finished_at  timestamptz;

create index claim_import_running on claim_import (heartbeat_at) where status = 'RUNNING';

-- Faster (docs/benchmarks.md, claims benchmark): the cells are parsed in Java while the file streams, and the rows
-- are COPYed typed into a temporary table of the import's transaction (no WAL, nothing to delete afterwards, no
-- index to maintain), so the shared unlogged staging table goes. The foreign key from claim to claim_import cost a
-- trigger call per claim (3 s a million rows); the only writer of claim is the import, which sets its own id.
drop table claim_stage;
alter table claim drop constraint claim_import_id_fkey;
