-- Referrals of warned people to civil affairs and agriculture & rural affairs (issue #19 §3, R-MON-02, R-MON-03).
-- One case per person and coverage year while it is open (the partial unique index), opened by the scan that first
-- warned the person; a later scan reaching a higher warning line updates it (line_reached, the figures, raised_at).
create table high_cost_referral (
    id                   bigserial     primary key,
    business_key         varchar(60)   not null unique,
    id_number            varchar(18)   not null,
    region_code          varchar(6)    not null,
    coverage_year        int           not null,
    state                varchar(20)   not null check (state in ('VERIFYING', 'FOLLOWING_UP', 'CLOSED')),
    population_group     varchar(20)   not null,
    categories           varchar(300),
    warning_line         numeric(14,2) not null,
    line_reached         numeric(14,2) not null,
    out_of_pocket        numeric(14,2) not null,
    total_cost           numeric(14,2) not null,
    basic_paid           numeric(14,2) not null,
    critical_paid        numeric(14,2) not null,
    assistance_paid      numeric(14,2) not null,
    claims               int           not null,
    first_scan_id        bigint        not null references monitoring_scan (id),
    last_scan_id         bigint        not null references monitoring_scan (id),
    -- the as-of day of the opening scan: claims settled after it are "cost since referral"
    referred_as_of       date          not null,
    opened_at            timestamptz   not null,
    raised_at            timestamptz,
    closed_at            timestamptz,
    process_instance_id  varchar(64),
    hardship_business_key varchar(80)
);
create unique index high_cost_referral_one_open on high_cost_referral (id_number, coverage_year)
    where state <> 'CLOSED';
create index high_cost_referral_region on high_cost_referral (region_code, state, id);
create index high_cost_referral_person on high_cost_referral (id_number);

-- Each department's verification outcome (R-MON-03); one per department and referral.
create table high_cost_referral_outcome (
    referral_id   bigint       not null references high_cost_referral (id),
    department    varchar(40)  not null,
    outcome       varchar(30)  not null check (outcome in ('MEDICAL_ASSISTANCE', 'LOW_INCOME_MONITORING',
                      'TEMPORARY_ASSISTANCE', 'CHARITY_MATCHED', 'NOT_ELIGIBLE')),
    category      varchar(30),
    reason        varchar(1000),
    decided_by    varchar(64)  not null,
    decided_at    timestamptz  not null,
    primary key (referral_id, department),
    check (outcome <> 'NOT_ELIGIBLE' or coalesce(btrim(reason), '') <> '')
);

-- The routine follow-up checks: the out-of-pocket cost since the referral and in the period since the last check.
create table high_cost_referral_check (
    referral_id          bigint        not null references high_cost_referral (id),
    checked_at           timestamptz   not null,
    period_from          date          not null,
    period_to            date          not null,
    cost_since_referral  numeric(14,2) not null,
    cost_in_period       numeric(14,2) not null,
    risk_threshold       numeric(14,2) not null,
    still_at_risk        boolean       not null
);
create index high_cost_referral_check_referral on high_cost_referral_check (referral_id, checked_at);

-- What each scan did to the referrals.
alter table monitoring_scan add column referrals_opened int not null default 0;
alter table monitoring_scan add column referrals_raised int not null default 0;
