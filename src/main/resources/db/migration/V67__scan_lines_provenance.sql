-- The provenance of the warning lines a scan used (issue #17 item 2), kept with the scan: since issue #19 §3 the
-- referral cases open in background batches after the scan, and the referral form must show the state of the lines
-- that scan applied, not of whatever policy version is active when the batch runs.
alter table monitoring_scan add column lines_provenance text;
