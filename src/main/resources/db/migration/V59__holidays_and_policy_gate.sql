-- Issue #18 §3: the holiday calendar due dates are counted in, kept as data. Statutory holidays (HOLIDAY) are not
-- working days; the make-up working weekends of the State Council calendar (调休, WORKDAY) are. A day not listed is a
-- working day from Monday to Friday. Owned by the shared kernel (shared/time/WorkingCalendar); an office adds the
-- next year's rows when the State Council publishes them (国务院办公厅关于…部分节假日安排的通知).
create table holiday (
    day  date        primary key,
    name varchar(40) not null,
    kind varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY'))
);

-- 2025, as the State Council General Office published it (notice of November 2024)
insert into holiday (day, name, kind) values
    ('2025-01-01', '元旦', 'HOLIDAY'),
    ('2025-01-26', '春节调休上班', 'WORKDAY'),
    ('2025-01-28', '春节', 'HOLIDAY'), ('2025-01-29', '春节', 'HOLIDAY'), ('2025-01-30', '春节', 'HOLIDAY'),
    ('2025-01-31', '春节', 'HOLIDAY'), ('2025-02-01', '春节', 'HOLIDAY'), ('2025-02-02', '春节', 'HOLIDAY'),
    ('2025-02-03', '春节', 'HOLIDAY'), ('2025-02-04', '春节', 'HOLIDAY'),
    ('2025-02-08', '春节调休上班', 'WORKDAY'),
    ('2025-04-04', '清明节', 'HOLIDAY'), ('2025-04-05', '清明节', 'HOLIDAY'), ('2025-04-06', '清明节', 'HOLIDAY'),
    ('2025-04-27', '劳动节调休上班', 'WORKDAY'),
    ('2025-05-01', '劳动节', 'HOLIDAY'), ('2025-05-02', '劳动节', 'HOLIDAY'), ('2025-05-03', '劳动节', 'HOLIDAY'),
    ('2025-05-04', '劳动节', 'HOLIDAY'), ('2025-05-05', '劳动节', 'HOLIDAY'),
    ('2025-05-31', '端午节', 'HOLIDAY'), ('2025-06-01', '端午节', 'HOLIDAY'), ('2025-06-02', '端午节', 'HOLIDAY'),
    ('2025-09-28', '国庆节调休上班', 'WORKDAY'),
    ('2025-10-01', '国庆节、中秋节', 'HOLIDAY'), ('2025-10-02', '国庆节、中秋节', 'HOLIDAY'),
    ('2025-10-03', '国庆节、中秋节', 'HOLIDAY'), ('2025-10-04', '国庆节、中秋节', 'HOLIDAY'),
    ('2025-10-05', '国庆节、中秋节', 'HOLIDAY'), ('2025-10-06', '国庆节、中秋节', 'HOLIDAY'),
    ('2025-10-07', '国庆节、中秋节', 'HOLIDAY'), ('2025-10-08', '国庆节、中秋节', 'HOLIDAY'),
    ('2025-10-11', '国庆节调休上班', 'WORKDAY');

-- 2026, as the State Council General Office published it (notice of November 2025)
insert into holiday (day, name, kind) values
    ('2026-01-01', '元旦', 'HOLIDAY'), ('2026-01-02', '元旦', 'HOLIDAY'), ('2026-01-03', '元旦', 'HOLIDAY'),
    ('2026-01-04', '元旦调休上班', 'WORKDAY'),
    ('2026-02-14', '春节调休上班', 'WORKDAY'),
    ('2026-02-15', '春节', 'HOLIDAY'), ('2026-02-16', '春节', 'HOLIDAY'), ('2026-02-17', '春节', 'HOLIDAY'),
    ('2026-02-18', '春节', 'HOLIDAY'), ('2026-02-19', '春节', 'HOLIDAY'), ('2026-02-20', '春节', 'HOLIDAY'),
    ('2026-02-21', '春节', 'HOLIDAY'), ('2026-02-22', '春节', 'HOLIDAY'), ('2026-02-23', '春节', 'HOLIDAY'),
    ('2026-02-28', '春节调休上班', 'WORKDAY'),
    ('2026-04-04', '清明节', 'HOLIDAY'), ('2026-04-05', '清明节', 'HOLIDAY'), ('2026-04-06', '清明节', 'HOLIDAY'),
    ('2026-05-01', '劳动节', 'HOLIDAY'), ('2026-05-02', '劳动节', 'HOLIDAY'), ('2026-05-03', '劳动节', 'HOLIDAY'),
    ('2026-05-04', '劳动节', 'HOLIDAY'), ('2026-05-05', '劳动节', 'HOLIDAY'),
    ('2026-05-09', '劳动节调休上班', 'WORKDAY'),
    ('2026-06-19', '端午节', 'HOLIDAY'), ('2026-06-20', '端午节', 'HOLIDAY'), ('2026-06-21', '端午节', 'HOLIDAY'),
    ('2026-09-20', '国庆节调休上班', 'WORKDAY'),
    ('2026-09-25', '中秋节', 'HOLIDAY'), ('2026-09-26', '中秋节', 'HOLIDAY'), ('2026-09-27', '中秋节', 'HOLIDAY'),
    ('2026-10-01', '国庆节', 'HOLIDAY'), ('2026-10-02', '国庆节', 'HOLIDAY'), ('2026-10-03', '国庆节', 'HOLIDAY'),
    ('2026-10-04', '国庆节', 'HOLIDAY'), ('2026-10-05', '国庆节', 'HOLIDAY'), ('2026-10-06', '国庆节', 'HOLIDAY'),
    ('2026-10-07', '国庆节', 'HOLIDAY'),
    ('2026-10-10', '国庆节调休上班', 'WORKDAY');

-- Issue #18 §5 (R-MM-03): the policy change a major-matter request asks for. The request approves the figures it saw:
-- figures_digest is the SHA-256 of the canonical JSON of the DRAFT's parameters, taken when the request is
-- (re)submitted. The state goes SUBMITTED -> APPROVED (the province's handling opinion) -> ACTIVATED (the step that
-- ends the case), or REFUSED when the draft no longer has the approved figures. Owned by escalation; the policy module
-- asks it through its ActivationApprovals port and never reads this table.
create table major_matter_policy_change (
    document_number     varchar(40)  primary key,
    process_instance_id varchar(64)  not null,
    region_code         varchar(6)   not null references region (code),
    coverage_year       int          not null,
    version             int          not null check (version > 0),
    figures_digest      char(64)     not null check (figures_digest ~ '^[0-9a-f]{64}$'),
    state               varchar(10)  not null check (state in ('SUBMITTED', 'APPROVED', 'ACTIVATED', 'REFUSED')),
    submitted_at        timestamptz  not null,
    approved_at         timestamptz,
    concluded_at        timestamptz,
    outcome             varchar(300),
    constraint major_matter_policy_change_approved check (state = 'SUBMITTED' or approved_at is not null)
);
-- one request activates a version, once: a second request naming an already activated version fails at activation
create unique index major_matter_policy_change_activated
    on major_matter_policy_change (region_code, coverage_year, version) where state = 'ACTIVATED';
