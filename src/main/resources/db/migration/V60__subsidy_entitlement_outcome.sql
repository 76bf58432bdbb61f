-- Issue #17 item 8, R-SUB-11 end to end: next year's enrollment checks each entitlement against the owning
-- department's current roster and records the outcome here. APPLIED: the person is still listed under the category,
-- the subsidy applies; LAPSED: no longer listed on the day of the check, reported and not applied. PENDING: not
-- checked yet (the person has not enrolled for the year). checked_case is the enrollment case that checked it;
-- checked_roster_version_id the department's current roster version at the check (null when it had none).
alter table subsidy_entitlement
    add column status                    varchar(8)   not null default 'PENDING'
                                                      check (status in ('PENDING', 'APPLIED', 'LAPSED')),
    add column checked_at                timestamptz,
    add column checked_case              varchar(80),
    add column checked_roster_version_id bigint       references roster_version (id),
    add column outcome                   varchar(500);

create index subsidy_entitlement_region_year on subsidy_entitlement (region_code, coverage_year);
