-- Issue #18: major-matter requests and reports (重大事项请示报告), the system of record of each request; the
-- process (major-matter-request.bpmn) keeps it in step through listeners (escalation/MajorMatterRecords).
CREATE TABLE major_matter (
    id                   bigserial    PRIMARY KEY,
    matter_type          varchar(40)  NOT NULL,
    title                varchar(200) NOT NULL,
    situation            text         NOT NULL,
    proposal             text         NOT NULL,
    region_code          varchar(12)  NOT NULL REFERENCES region (code),
    drafted_by           varchar(64)  NOT NULL,
    -- the DRAFT policy version the request asks to activate (R-MM-03), or none
    policy_region_code   varchar(12),
    policy_coverage_year integer,
    policy_version       integer,
    document_number      varchar(40)  NOT NULL UNIQUE,
    business_key         varchar(80)  NOT NULL UNIQUE,
    process_instance_id  varchar(64),
    state                varchar(20)  NOT NULL,
    current_level        varchar(12),
    waiting_since        timestamptz,
    round                integer      NOT NULL DEFAULT 1 CHECK (round > 0),
    submitted_at         timestamptz  NOT NULL,
    closed_at            timestamptz,
    -- why a request ended before any level decided it (R-MM-04: outside local powers)
    refusal_reason       text,
    CHECK ((policy_region_code IS NULL) = (policy_coverage_year IS NULL)
       AND (policy_coverage_year IS NULL) = (policy_version IS NULL))
);
CREATE INDEX major_matter_region_state ON major_matter (region_code, state);

-- every step of every round (R-MM-02): who decided what at which level, with the opinion; never overwritten
CREATE TABLE major_matter_opinion (
    id              bigserial    PRIMARY KEY,
    major_matter_id bigint       NOT NULL REFERENCES major_matter (id),
    round           integer      NOT NULL,
    level           varchar(12)  NOT NULL,
    task_key        varchar(64)  NOT NULL,
    task_name       varchar(200) NOT NULL,
    user_id         varchar(64),
    decision        varchar(20),
    opinion         text,
    recorded_at     timestamptz  NOT NULL
);
CREATE INDEX major_matter_opinion_matter ON major_matter_opinion (major_matter_id, id);

-- R-MM-01: filing with 国家医保局 (NHSA), 财政部 (MOF) and 国家税务总局 (STA), once per authority
CREATE TABLE major_matter_filing (
    id              bigserial    PRIMARY KEY,
    major_matter_id bigint       NOT NULL REFERENCES major_matter (id),
    authority       varchar(8)   NOT NULL,
    reference       varchar(100) NOT NULL,
    filed_on        date,
    recorded_by     varchar(64),
    recorded_at     timestamptz  NOT NULL,
    UNIQUE (major_matter_id, authority)
);

-- attachments: type detected from the content, at most 20 MB each
CREATE TABLE major_matter_attachment (
    id              bigserial    PRIMARY KEY,
    major_matter_id bigint       NOT NULL REFERENCES major_matter (id),
    file_name       varchar(255) NOT NULL,
    content_type    varchar(120) NOT NULL,
    size_bytes      bigint       NOT NULL CHECK (size_bytes > 0 AND size_bytes <= 20971520),
    sha256          char(64)     NOT NULL,
    content         bytea        NOT NULL,
    uploaded_by     varchar(64)  NOT NULL,
    uploaded_at     timestamptz  NOT NULL
);
CREATE INDEX major_matter_attachment_matter ON major_matter_attachment (major_matter_id, id);

-- issuing bodies of the other counties of Chizhou (东至 is seeded by V13), so each may draft and number requests
INSERT INTO major_matter_issuer (region_code, prefix) VALUES
    ('341702', '贵医保'),
    ('341722', '石医保'),
    ('341723', '青医保');

-- R-MM-06: a region's monthly fund figures, and the warning when the balance covers fewer months of expenditure
-- than the region's parameter (yibaoflow.fund-warnings.min-months-covered, default 6)
CREATE TABLE fund_indicator (
    id               bigserial     PRIMARY KEY,
    region_code      varchar(12)   NOT NULL REFERENCES region (code),
    month            date          NOT NULL CHECK (extract(day FROM month) = 1),
    income           numeric(16,2) NOT NULL CHECK (income >= 0),
    expenditure      numeric(16,2) NOT NULL CHECK (expenditure >= 0),
    balance          numeric(16,2) NOT NULL,
    -- balance / expenditure, two decimals half up; null when nothing was spent
    months_covered   numeric(12,2),
    threshold_months numeric(6,2)  NOT NULL,
    recorded_by      varchar(64)   NOT NULL,
    recorded_at      timestamptz   NOT NULL,
    UNIQUE (region_code, month)
);

CREATE TABLE fund_warning (
    id                bigserial     PRIMARY KEY,
    fund_indicator_id bigint        NOT NULL UNIQUE REFERENCES fund_indicator (id),
    region_code       varchar(12)   NOT NULL,
    month             date          NOT NULL,
    months_covered    numeric(12,2) NOT NULL,
    threshold_months  numeric(6,2)  NOT NULL,
    created_at        timestamptz   NOT NULL
);
CREATE INDEX fund_warning_region ON fund_warning (region_code, month);
