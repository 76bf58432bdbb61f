-- Issue #16 §3: a township roster import survives a crash. The uploaded file is kept (file_path) until the import
-- ends; committed_row is the last row whose outcome is committed; the worker renews heartbeat_at at every batch,
-- and an import RUNNING with a stale heartbeat (or released by an orderly shutdown: worker null) is resumed.
-- §4: the same table records the tax bureau's payment files (kind PAYMENTS; started counts accepted payments).
alter table yibao.enrollment_import
    add column kind          varchar(12) not null default 'ROSTER' check (kind in ('ROSTER', 'PAYMENTS')),
    add column file_path     varchar(1000),
    add column township      varchar(100),
    add column committed_row int         not null default 0,
    add column worker        varchar(200),
    add column heartbeat_at  timestamptz;

create index enrollment_import_running on yibao.enrollment_import (heartbeat_at) where status = 'RUNNING';

-- §4: a second payment for a case already paid is kept as an overpayment for the tax bureau to refund
alter table yibao.payment drop constraint payment_outcome_check;
alter table yibao.payment add constraint payment_outcome_check
    check (outcome in ('ACCEPTED', 'WRONG_AMOUNT', 'OVERPAID'));
create index payment_overpaid on yibao.payment (region_code, coverage_year) where outcome = 'OVERPAID';
