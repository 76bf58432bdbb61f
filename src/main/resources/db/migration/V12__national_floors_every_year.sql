-- Issue #17 item 3: national floors for every year, and warnings recorded on a version.
--
-- A floor row carries the provenance state of its figures: 2026 is fixed by the seed [N] 医保发〔2025〕22号 二 (SEED);
-- 2025 comes from 医保发〔2024〕19号, which [D] cites but the seeds do not contain (EXTERNAL, to confirm locally).
-- full_subsidy_required: R-SUB-13, the national full subsidy of 特困人员 and orphans ([N] 二, so 2026 on).
-- combined_cap_tolerance: R-BEN-02, how far basic + critical-illness caps may stray from "6 倍左右" of the province's
-- previous-year per-capita disposable income before the validator warns (a share of 6 × income; SAMPLE reading).
alter table national_floor
    add column state                  varchar(10)  not null default 'SEED'
        check (state in ('SEED', 'EXTERNAL', 'SAMPLE')),
    add column full_subsidy_required  boolean      not null default false,
    add column combined_cap_tolerance numeric(5, 4) not null default 0.1000
        check (combined_cap_tolerance between 0 and 1);

update national_floor set state = 'SEED', full_subsidy_required = true where coverage_year = 2026;

-- R-FUND-03 / R-FUND-04 for coverage year 2025: 670 fiscal, 400 individual, central shares 80 % WEST, 60 % CENTRAL
insert into national_floor (coverage_year, individual_standard_min, fiscal_subsidy_min, central_share_west,
                            central_share_central, collection_deadline, source, state, full_subsidy_required)
values (2025, 400.00, 670.00, 0.8000, 0.6000, null, '医保发〔2024〕19号 (cited by [D])', 'EXTERNAL', false);

-- Warnings of the validator at the version's last check (creation, revision, activation): a year without floors on
-- record, R-BEN-02 deviations. Not guarded by policy_version_guard: they describe the check, not the figures.
alter table policy_version add column warnings jsonb not null default '[]';
