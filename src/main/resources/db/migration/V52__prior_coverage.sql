-- Issue #17 item 4: coverage from before this system (the provincial platform's export), read by every waiting-period
-- and continuity calculation next to this system's own coverage table.
create table yibao.prior_coverage (
    id            bigserial    primary key,
    id_number     varchar(18)  not null,
    region_code   varchar(6)   not null,
    coverage_year int          not null,
    scheme        varchar(10)  not null check (scheme in ('RESIDENT', 'EMPLOYEE')),
    valid_from    date,
    valid_to      date,
    imported_at   timestamptz  not null,
    constraint prior_coverage_unique unique (id_number, coverage_year, scheme, region_code),
    constraint prior_coverage_dates check (valid_to is null or valid_from is null or valid_to >= valid_from)
);
create index prior_coverage_person on yibao.prior_coverage (id_number, coverage_year);
