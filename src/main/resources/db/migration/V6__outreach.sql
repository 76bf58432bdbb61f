-- Outreach to hardship-roster people not yet enrolled (R-MON-04, [D] (十五)): one task per township with its list.
create table outreach (
    id                  bigserial    primary key,
    business_key        varchar(120) not null unique,
    region_code         varchar(6)   not null references region (code),
    coverage_year       int          not null,
    township            varchar(100) not null,
    status              varchar(12)  not null check (status in ('OPEN', 'CLOSED')),
    outcome             varchar(20)  check (outcome in ('ALL_ENROLLED', 'RECORDED')),
    note                varchar(2000),
    process_instance_id varchar(64),
    opened_by           varchar(64)  not null,
    opened_at           timestamptz  not null,
    closed_at           timestamptz
);
-- one open outreach per township and year
create unique index outreach_one_open on outreach (region_code, coverage_year, township) where status = 'OPEN';

create table outreach_entry (
    outreach_id  bigint       not null references outreach (id),
    id_number    varchar(18)  not null,
    name         varchar(100) not null,
    categories   varchar(300) not null,
    primary key (outreach_id, id_number)
);
create index outreach_entry_person on outreach_entry (id_number);
