-- Issue #16 §3: the department roster import and the registry imports survive a crash like the township roster,
-- the payment file and the claims imports.
--
-- Registries (employee insurance, other regions' enrollments, coverage history) run through the enrollment imports
-- of V50: recorded in enrollment_import with their kept file, each batch's rows written in the same transaction as
-- the import's counters and committed_row, resumed after the last committed row. Besides imported rows (started)
-- they count rows already known (unchanged).
alter table yibao.enrollment_import drop constraint enrollment_import_kind_check;
alter table yibao.enrollment_import alter column kind type varchar(20);
alter table yibao.enrollment_import add constraint enrollment_import_kind_check
    check (kind in ('ROSTER', 'PAYMENTS', 'EMPLOYEE_INSURANCE', 'OTHER_REGION', 'COVERAGE_HISTORY'));
alter table yibao.enrollment_import add column unchanged int not null default 0;

-- A department roster becomes a version whole or not at all (its diff, pending or current, and the entitlements it
-- changes), so its import is one transaction, as the claims import of V61: the upload is kept (file_path) and the
-- import recorded RUNNING with the parameters it runs with; the worker renews heartbeat_at while it runs; a crash
-- leaves no version, only the RUNNING record, which a node whose sweep finds the worker gone (or released by an
-- orderly stop) takes over and runs again from the kept file. The transaction's last statement marks the import
-- COMPLETED with its version, only while its worker still holds it.
create table yibao.roster_import (
    id           bigserial     primary key,
    department   varchar(64)   not null,
    region_code  varchar(6)    not null references yibao.region (code),
    as_of        date          not null,
    file_name    varchar(300),
    uploaded_by  varchar(64)   not null,
    uploaded_at  timestamptz   not null,
    status       varchar(12)   not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    file_path    varchar(1000),
    worker       varchar(200),
    heartbeat_at timestamptz,
    version_id   bigint        references yibao.roster_version (id),
    failure      varchar(1000),
    finished_at  timestamptz
);
create index roster_import_running on yibao.roster_import (heartbeat_at) where status = 'RUNNING';
