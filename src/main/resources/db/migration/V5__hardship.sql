-- Hardship identity verification (RULES.md §4, R-SUB-09..13): department rosters (花名册) in versions, and the
-- verification of each claimed category, by roster or by the owning department.

create table roster_version (
    id            bigserial    primary key,
    department    varchar(64)  not null,
    region_code   varchar(6)   not null references region (code),
    version       int          not null,
    as_of         date         not null,
    file_name     varchar(300),
    row_count     int          not null default 0,
    rejected_rows int          not null default 0,
    added         int          not null default 0,
    removed       int          not null default 0,
    changed       int          not null default 0,
    imported_by   varchar(64)  not null,
    imported_at   timestamptz  not null,
    current       boolean      not null default false,
    constraint roster_version_unique unique (department, region_code, version)
);
-- one current version per department and region
create unique index roster_version_current on roster_version (department, region_code) where current;

create table roster_entry (
    id          bigserial    primary key,
    version_id  bigint       not null references roster_version (id),
    id_number   varchar(18)  not null,
    name        varchar(100) not null,
    category    varchar(30)  not null,
    valid_from  date         not null,
    valid_to    date,
    township    varchar(100),
    constraint roster_entry_unique unique (version_id, id_number, category)
);
create index roster_entry_person on roster_entry (id_number, version_id);

create table roster_import_error (
    id          bigserial    primary key,
    version_id  bigint       not null references roster_version (id),
    row_number  int          not null,
    field       varchar(64),
    reason      varchar(500) not null
);
create index roster_import_error_version on roster_import_error (version_id, row_number);

create table hardship_verification (
    id                  bigserial    primary key,
    business_key        varchar(80)  not null,
    id_number           varchar(18)  not null,
    person_name         varchar(100) not null,
    region_code         varchar(6)   not null references region (code),
    coverage_year       int          not null,
    enrollment_case_id  bigint       references enrollment_case (id),
    status              varchar(12)  not null check (status in ('OPEN', 'COMPLETED')),
    verified_categories jsonb        not null default '[]',
    applied_category    varchar(30),
    process_instance_id varchar(64),
    created_at          timestamptz  not null,
    completed_at        timestamptz
);
create index hardship_verification_person on hardship_verification (id_number, coverage_year);

create table hardship_claim (
    id                bigserial    primary key,
    verification_id   bigint       not null references hardship_verification (id),
    category          varchar(30)  not null,
    department        varchar(64)  not null,
    status            varchar(12)  not null check (status in ('PENDING', 'VERIFIED', 'REFUSED')),
    source            varchar(12)  check (source in ('ROSTER', 'DEPARTMENT')),
    roster_version_id bigint       references roster_version (id),
    decided_by        varchar(64),
    refusal_reason    varchar(1000),
    evidence_note     varchar(2000),
    decided_at        timestamptz,
    constraint hardship_claim_unique unique (verification_id, category)
);

-- R-SUB-11: a person newly on a roster after the collection period, already enrolled, gets the subsidy from the
-- next coverage year; next year's enrollment applies it automatically.
create table subsidy_entitlement (
    id                bigserial    primary key,
    id_number         varchar(18)  not null,
    region_code       varchar(6)   not null references region (code),
    coverage_year     int          not null,
    category          varchar(30)  not null,
    roster_version_id bigint       not null references roster_version (id),
    reason            varchar(500) not null,
    created_at        timestamptz  not null,
    constraint subsidy_entitlement_unique unique (id_number, coverage_year, category)
);

-- R-SUB-10: what a roster change meant for a person already enrolled and paid (no refund, no re-charge)
create table case_history (
    id            bigserial     primary key,
    business_key  varchar(80)   not null,
    rule_id       varchar(20),
    event         varchar(40)   not null,
    detail        varchar(2000) not null,
    recorded_by   varchar(64)   not null,
    recorded_at   timestamptz   not null
);
create index case_history_key on case_history (business_key, id);
