-- Enrollment approval (RULES.md §1-§5, §10): cases, payments, coverage, the external registries eligibility reads,
-- roster imports, and notifications (reminders to townships and caseworkers).

create table enrollment_case (
    id                      bigserial     primary key,
    business_key            varchar(64)   not null,
    id_number               varchar(18)   not null,
    name                    varchar(100)  not null,
    birth_date              date,
    sex                     varchar(6),
    region_code             varchar(6)    not null references region (code),
    coverage_year           int           not null,
    residence               varchar(20)   not null,
    residence_permit_number varchar(64),
    township                varchar(100)  not null,
    phone                   varchar(32),
    claimed_categories      jsonb         not null default '[]',
    payer_id_number         varchar(18),
    payer_name              varchar(100),
    payer_relationship      varchar(20),
    paid_back_years         int           not null default 0 check (paid_back_years >= 0),
    source                  varchar(10)   not null check (source in ('API', 'TASKLIST', 'IMPORT')),
    import_id               bigint,
    status                  varchar(20)   not null,
    review_reasons          jsonb         not null default '[]',
    rejection_reason        varchar(40),
    rejection_detail        varchar(1000),
    verified_categories     jsonb         not null default '[]',
    applied_category        varchar(30),
    individual_standard     numeric(12, 2),
    subsidy                 numeric(12, 2),
    personal_due            numeric(12, 2),
    fiscal_subsidy          numeric(12, 2),
    central_fiscal_share    numeric(12, 2),
    local_fiscal_share      numeric(12, 2),
    policy_version          varchar(40),
    waiting_exempt          boolean,
    waiting_fixed_months    int,
    waiting_variable_months int,
    benefit_start_date      date,
    explanation             jsonb         not null default '[]',
    waiting_explanation     jsonb         not null default '[]',
    payment_deadline        date,
    process_instance_id     varchar(64),
    created_at              timestamptz   not null,
    created_by              varchar(64)   not null,
    updated_at              timestamptz   not null,
    lock_version            int           not null default 0,
    constraint enrollment_case_status check (status in ('RECEIVED', 'IN_REVIEW', 'AWAITING_PAYMENT', 'ENROLLED',
                                                        'REJECTED', 'LAPSED', 'WITHDRAWN'))
);

-- R-ELIG-02: one person, one coverage year, one live enrollment, in any region — also when two requests race.
-- A rejected, lapsed or withdrawn case does not block a new application.
create unique index enrollment_case_one_live_per_person_year on enrollment_case (id_number, coverage_year)
    where status not in ('REJECTED', 'LAPSED', 'WITHDRAWN');
create index enrollment_case_listing on enrollment_case (region_code, coverage_year, status, township);
create index enrollment_case_business_key on enrollment_case (business_key);

-- R-PAY-01: the tax bureau's confirmations; one row per payment reference makes confirmations idempotent
create table payment (
    payment_reference varchar(64)   primary key,
    case_id           bigint        references enrollment_case (id),
    id_number         varchar(18)   not null,
    region_code       varchar(6)    not null,
    coverage_year     int           not null,
    amount            numeric(12, 2) not null,
    channel           varchar(20)   not null,
    paid_at           timestamptz   not null,
    received_at       timestamptz   not null,
    outcome           varchar(20)   not null check (outcome in ('ACCEPTED', 'WRONG_AMOUNT')),
    detail            varchar(500)
);
create index payment_case on payment (case_id);

-- The fact the rest of the system asks about: who is covered, where, from when
create table coverage (
    id                  bigserial     primary key,
    case_id             bigint        not null unique references enrollment_case (id),
    id_number           varchar(18)   not null,
    name                varchar(100)  not null,
    region_code         varchar(6)    not null references region (code),
    coverage_year       int           not null,
    applied_category    varchar(30),
    individual_standard numeric(12, 2) not null,
    subsidy             numeric(12, 2) not null,
    personal_paid       numeric(12, 2) not null,
    payment_reference   varchar(64),
    benefit_start_date  date          not null,
    benefit_end_date    date          not null,
    covered_from_birth  boolean       not null,
    payer_id_number     varchar(18),
    payer_name          varchar(100),
    payer_relationship  varchar(20),
    policy_version      varchar(40)   not null,
    created_at          timestamptz   not null,
    constraint coverage_one_per_person_year unique (id_number, coverage_year)
);

-- R-ELIG-02: employee insurance (职工医保) for the same period, from the employee-insurance system
create table employee_insurance_record (
    id          bigserial    primary key,
    id_number   varchar(18)  not null,
    name        varchar(100),
    valid_from  date         not null,
    valid_to    date,
    employer    varchar(200),
    imported_at timestamptz  not null,
    constraint employee_insurance_unique unique (id_number, valid_from)
);

-- R-ELIG-02: resident insurance in another pooling region for a coverage year
create table other_region_enrollment (
    id            bigserial    primary key,
    id_number     varchar(18)  not null,
    name          varchar(100),
    region_code   varchar(6)   not null,
    coverage_year int          not null,
    imported_at   timestamptz  not null,
    constraint other_region_enrollment_unique unique (id_number, coverage_year, region_code)
);

create table enrollment_import (
    id            bigserial    primary key,
    file_name     varchar(300) not null,
    region_code   varchar(6),
    coverage_year int,
    status        varchar(12)  not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    total         int          not null default 0,
    processed     int          not null default 0,
    started       int          not null default 0,
    rejected      int          not null default 0,
    failure       varchar(1000),
    created_by    varchar(64)  not null,
    created_at    timestamptz  not null,
    finished_at   timestamptz
);

create table enrollment_import_error (
    id         bigserial    primary key,
    import_id  bigint       not null references enrollment_import (id),
    row_number int          not null,
    field      varchar(64),
    reason     varchar(500) not null
);
create index enrollment_import_error_import on enrollment_import_error (import_id, row_number);

-- Reminders and escalations sent by the processes, to a department (and township) or a user
create table notification (
    id              bigserial    primary key,
    recipient_group varchar(64)  not null,
    region_code     varchar(6),
    township        varchar(100),
    subject         varchar(200) not null,
    body            varchar(2000) not null,
    business_key    varchar(64),
    created_at      timestamptz  not null
);
create index notification_recipient on notification (recipient_group, region_code, created_at);
