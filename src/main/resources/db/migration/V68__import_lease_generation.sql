-- Issue #16 §3: a run must know it still holds its import. A node whose heartbeat came late (a busy node) could be
-- taken over while its run went on, and the two runs overlapped: the first completed and discarded the file, the
-- second found it gone and turned COMPLETED into FAILED. Every takeover now bumps lease_generation; a run writes
-- its batches' progress, heartbeats and its end only where the generation is still the one it was given (new
-- imports start at 0), so a run taken over changes nothing more and stops, and the run that took over ends it.
alter table yibao.enrollment_import add column lease_generation bigint not null default 0;
alter table yibao.roster_import add column lease_generation bigint not null default 0;
alter table yibao.claim_import add column lease_generation bigint not null default 0;
