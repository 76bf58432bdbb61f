-- Issue #20 §4: the case history is append-only and hash-chained. Each entry has its place in the chain
-- (chain_seq, 1, 2, …), the hash of the entry before it (prev_hash; 64 zeros before the first) and its own hash:
-- SHA-256 over prev_hash and a canonical serialization of the entry (audit/ChainHash). The one head row is locked
-- FOR UPDATE by every append, so concurrent listeners form one chain. Entries written before this migration are
-- chained, in id order, by audit/LegacyEntriesChaining (as the owner, right after the migration).
alter table case_history add column chain_seq bigint;
alter table case_history add column prev_hash char(64);
alter table case_history add column hash char(64);
create unique index case_history_chain on case_history (chain_seq);

create table audit_chain_head (
    id             smallint primary key check (id = 1),
    last_seq       bigint   not null,
    last_hash      char(64) not null,
    -- entries up to this id predate the chain and are chained at the next start; any later entry without a place
    -- in the chain was not written by the application, and verification reports it
    legacy_upto_id bigint   not null
);
insert into audit_chain_head (id, last_seq, last_hash, legacy_upto_id)
values (1, 0, repeat('0', 64), (select coalesce(max(id), 0) from case_history));

-- Signed checkpoints of the chain head (Ed25519; the key lives in a file outside the database). Verification checks
-- each one against the chain, so a chain recomputed after a deletion no longer matches what was signed.
create table audit_checkpoint (
    id          bigserial    primary key,
    chain_seq   bigint       not null,
    head_hash   char(64)     not null,
    signed_at   timestamptz  not null,
    signed_by   varchar(64)  not null,
    signature   varchar(200) not null,
    public_key  varchar(200) not null
);
create index audit_checkpoint_seq on audit_checkpoint (chain_seq);
