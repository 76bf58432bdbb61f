-- Settled medical claims from the settlement system (issue #19 §1), the monitoring scan's input (R-MON-01).
-- A file is COPYed into claim_stage as text, validated there set-based, and upserted into claim on claim_id.

-- GB 11643 check of an 18-character resident ID number (check character included), null-safe: false when malformed.
create function resident_id_valid(n text) returns boolean
    language sql immutable parallel safe
as $$
select coalesce(n ~ '^[0-9]{17}[0-9X]$'
    and substr('10X98765432',
               (select sum(substr(n, i, 1)::int * ((2 ^ (18 - i))::int % 11)) from generate_series(1, 17) i)::int % 11 + 1,
               1) = substr(n, 18, 1), false)
$$;

-- The date spellings department files use (2025-01-05, 2025/1/5, 2025.1.5, 20250105, 2025年1月5日); null if none
-- or not a real day.
create function lenient_date(t text) returns date
    language plpgsql immutable parallel safe
as $$
declare
    m text[];
begin
    m := regexp_match(btrim(t), '^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$');
    if m is null then
        m := regexp_match(btrim(t), '^(\d{4})(\d{2})(\d{2})$');
    end if;
    if m is null then
        return null;
    end if;
    return make_date(m[1]::int, m[2]::int, m[3]::int);
exception when others then
    return null;
end
$$;

-- An amount as written (1,234.5 ¥400 400元) at 2 decimals HALF_UP; null if it is not a number.
create function lenient_amount(t text) returns numeric
    language sql immutable parallel safe
as $$
select case when s ~ '^-?[0-9]+(\.[0-9]+)?$' then round(s::numeric, 2) end
from (select btrim(translate(t, ',，¥￥元', '')) s) x
$$;

create table claim_import (
    id           bigserial    primary key,
    file_name    varchar(255),
    uploaded_by  varchar(64)  not null,
    uploaded_at  timestamptz  not null,
    rows         int          not null default 0,
    accepted     int          not null default 0,
    rejected     int          not null default 0,
    inserted     int          not null default 0,
    corrected    int          not null default 0,
    unchanged    int          not null default 0,
    duration_ms  bigint
);

-- Rows of an import in flight, as text; emptied when its import commits. Unlogged: a crash loses only staged rows
-- of an uncommitted import, which a new upload stages again.
create unlogged table claim_stage (
    import_id           bigint  not null,
    row_number          int     not null,
    claim_id            text,
    id_number           text,
    region_code         text,
    settlement_date     text,
    hospital_level      text,
    total_cost          text,
    policy_scope_cost   text,
    basic_paid          text,
    critical_paid       text,
    assistance_paid     text,
    rural               text,
    problem_field       text,
    problem_reason      text
);
create index claim_stage_import on claim_stage (import_id, row_number);

create table claim_import_error (
    import_id   bigint       not null references claim_import (id),
    row_number  int          not null,
    field       varchar(40)  not null,
    reason      varchar(500) not null
);
create index claim_import_error_import on claim_import_error (import_id, row_number);

create table claim (
    claim_id           varchar(64)   primary key,
    id_number          varchar(18)   not null,
    region_code        varchar(6)    not null,
    settlement_date    date          not null,
    hospital_level     varchar(20)   not null,
    total_cost         numeric(14,2) not null check (total_cost >= 0),
    policy_scope_cost  numeric(14,2) not null check (policy_scope_cost >= 0 and policy_scope_cost <= total_cost),
    basic_paid         numeric(14,2) check (basic_paid >= 0),
    critical_paid      numeric(14,2) check (critical_paid >= 0),
    assistance_paid    numeric(14,2) check (assistance_paid >= 0),
    rural              boolean,
    import_id          bigint        not null references claim_import (id),
    corrected_at       timestamptz
);
-- the scan: one region's settlements of a year, per person
create index claim_scan on claim (region_code, settlement_date, id_number);
create index claim_person on claim (id_number, settlement_date);
