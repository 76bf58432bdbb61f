-- Issue #16 §3: a township roster import survives a crash. The uploaded file is kept (file_path) until the import
-- ends; committed_row is the last row whose outcome is committed; the worker renews heartbeat_at at every batch,
-- and an import RUNNING with a stale heartbeat (or released by an orderly shutdown: worker null) is resumed.
alter table yibao.enrollment_import
    add column file_path     varchar(1000),
    add column township      varchar(100),
    add column committed_row int         not null default 0,
    add column worker        varchar(200),
    add column heartbeat_at  timestamptz;

create index enrollment_import_running on yibao.enrollment_import (heartbeat_at) where status = 'RUNNING';
