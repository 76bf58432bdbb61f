-- Issue #18: document numbers of major-matter requests (东医保〔2025〕3号). The issuing body's prefix is data per
-- region; the sequence is gapless per prefix and year: the counter row is taken and locked in the submitting
-- transaction, so a submission that rolls back gives its number back.
CREATE TABLE major_matter_issuer (
    region_code varchar(12) PRIMARY KEY REFERENCES region (code),
    prefix      varchar(20) NOT NULL UNIQUE
);

CREATE TABLE major_matter_number (
    prefix     varchar(20) NOT NULL,
    year       integer     NOT NULL,
    last_value integer     NOT NULL CHECK (last_value > 0),
    PRIMARY KEY (prefix, year)
);

INSERT INTO major_matter_issuer (region_code, prefix) VALUES ('341721', '东医保');
