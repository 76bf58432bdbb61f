-- Issue #16 §5: a department roster that would remove more than the region's share of the department's current
-- entries is kept as a pending version with its diff until a supervisor of that department confirms it.
alter table yibao.roster_version
    add column pending        boolean      not null default false,
    add column pending_reason varchar(500),
    add column compared_with  bigint       references yibao.roster_version (id),
    add column confirmed_by   varchar(64),
    add column confirmed_at   timestamptz,
    add constraint roster_version_pending_not_current check (not (pending and current));

-- at most one version waits for confirmation per department and region
create unique index roster_version_pending on yibao.roster_version (department, region_code) where pending;
