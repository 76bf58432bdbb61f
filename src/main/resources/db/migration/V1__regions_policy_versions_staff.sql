-- Regions, national floors, versioned policy parameter sets (RULES.md §1-§6), and the region of each staff user.

create table region (
    code        varchar(6)   primary key check (code ~ '^[0-9]{6}$'),
    name        varchar(100) not null,
    level       varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'COUNTY')),
    parent_code varchar(6)   references region (code),
    -- R-REG-01: the fiscal tier of the region's province decides the central share of the fiscal subsidy
    fiscal_tier varchar(10)  not null check (fiscal_tier in ('EAST', 'CENTRAL', 'WEST')),
    constraint region_parent_by_level check ((level = 'PROVINCE') = (parent_code is null))
);

-- R-FUND-03: national floors per coverage year; R-FUND-04: central share by tier
create table national_floor (
    coverage_year           int           primary key,
    individual_standard_min numeric(12, 2) not null check (individual_standard_min >= 0),
    fiscal_subsidy_min      numeric(12, 2) not null check (fiscal_subsidy_min >= 0),
    central_share_west      numeric(5, 4)  not null check (central_share_west between 0 and 1),
    central_share_central   numeric(5, 4)  not null check (central_share_central between 0 and 1),
    collection_deadline     date,
    source                  varchar(300)  not null
);

create table policy_version (
    id                    bigserial     primary key,
    region_code           varchar(6)    not null references region (code),
    coverage_year         int           not null check (coverage_year between 2000 and 2100),
    version               int           not null check (version > 0),
    status                varchar(12)   not null check (status in ('DRAFT', 'ACTIVE', 'SUPERSEDED')),
    parameters            jsonb         not null,
    provenance            jsonb         not null,
    -- R-MM-03: a set only becomes active with the reference of the request (or instrument) that approved it
    approving_request_ref varchar(100),
    note                  varchar(2000),
    created_at            timestamptz   not null,
    created_by            varchar(64)   not null,
    activated_at          timestamptz,
    activated_by          varchar(64),
    superseded_at         timestamptz,
    constraint policy_version_unique unique (region_code, coverage_year, version),
    constraint policy_version_approved check (status = 'DRAFT' or approving_request_ref is not null)
);

-- one active set per region and coverage year, also under concurrent activations
create unique index policy_version_one_active on policy_version (region_code, coverage_year) where status = 'ACTIVE';

-- A set is immutable once active: only DRAFT -> ACTIVE -> SUPERSEDED, figures never change after DRAFT,
-- and only drafts may be deleted. Enforced here so that no code path can get around it.
create function policy_version_guard() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        if old.status <> 'DRAFT' then
            raise exception 'policy_version % (%/% v%) is % and cannot be deleted',
                old.id, old.region_code, old.coverage_year, old.version, old.status using errcode = 'P0001';
        end if;
        return old;
    end if;
    if old.status <> 'DRAFT' and (new.parameters is distinct from old.parameters
            or new.provenance is distinct from old.provenance
            or new.region_code is distinct from old.region_code
            or new.coverage_year is distinct from old.coverage_year
            or new.version is distinct from old.version
            or new.approving_request_ref is distinct from old.approving_request_ref) then
        raise exception 'policy_version % (%/% v%) is % and immutable: create a new version',
            old.id, old.region_code, old.coverage_year, old.version, old.status using errcode = 'P0001';
    end if;
    if (old.status = 'ACTIVE' and new.status not in ('ACTIVE', 'SUPERSEDED'))
            or (old.status = 'SUPERSEDED' and new.status <> 'SUPERSEDED') then
        raise exception 'policy_version % cannot go from % to %', old.id, old.status, new.status using errcode = 'P0001';
    end if;
    return new;
end;
$$;

create trigger policy_version_guard before update or delete on policy_version
    for each row execute function policy_version_guard();

create table staff_member (
    user_id     varchar(64) primary key,
    region_code varchar(6)  not null references region (code)
);
