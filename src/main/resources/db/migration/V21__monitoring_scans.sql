-- Burden scans (R-MON-01, R-MON-02): who ran one, when, with what, how many people, how many warnings, how long.
create table monitoring_scan (
    id              bigserial    primary key,
    region_code     varchar(6)   not null,
    coverage_year   int          not null,
    as_of           date         not null,
    policy_label    varchar(100) not null,
    started_by      varchar(64)  not null,
    started_at      timestamptz  not null,
    duration_ms     bigint       not null,
    scanned         int          not null,
    candidates      int          not null,
    warnings        int          not null
);
create index monitoring_scan_region on monitoring_scan (region_code, coverage_year, started_at);

-- A person whose out-of-pocket cost reached the warning line of their group in a scan.
create table monitoring_warning (
    scan_id           bigint        not null references monitoring_scan (id),
    id_number         varchar(18)   not null,
    population_group  varchar(20)   not null,
    categories        varchar(300),
    claims            int           not null,
    total_cost        numeric(14,2) not null,
    basic_paid        numeric(14,2) not null,
    critical_paid     numeric(14,2) not null,
    assistance_paid   numeric(14,2) not null,
    out_of_pocket     numeric(14,2) not null,
    warning_line      numeric(14,2) not null,
    layers_computed   boolean       not null,
    primary key (scan_id, id_number)
);
create index monitoring_warning_person on monitoring_warning (id_number);
