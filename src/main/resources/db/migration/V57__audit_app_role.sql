-- Issue #20 §4: the application connects as its own role (placeholder appRole: DATABASE_USERNAME, embedded
-- yibaoflow_app), which reads and writes our tables but cannot UPDATE, DELETE or TRUNCATE the audit tables; Flyway
-- runs as the owner of the schema, which keeps every privilege. Placeholders are on for this script only
-- (V57__audit_app_role.sql.conf): the seed migrations contain placeholder-like text.
-- Nothing happens when the application connects as the owner itself (one role, as before) or when the role does not
-- exist: docs/operations.md says how to set up the two roles.
do $$
declare
    app text := '${appRole}';
begin
    if app = '' or app = current_user or not exists (select from pg_roles where rolname = app) then
        raise notice 'No separate application role %: the audit tables are protected only by the hash chain', app;
        return;
    end if;
    execute format('grant usage on schema yibao to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema yibao to %I', app);
    execute format('grant usage, select on all sequences in schema yibao to %I', app);
    -- the tables and sequences later migrations create (as the owner) get the same privileges
    execute format('alter default privileges in schema yibao grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema yibao grant usage, select on sequences to %I', app);
    -- append-only: the case history, the read log and the signed checkpoints
    execute format('revoke update, delete, truncate on case_history, audit_read, audit_checkpoint from %I', app);
    -- the migrations' own bookkeeping is the owner's alone
    execute format('revoke all on flyway_schema_history from %I', app);
end
$$;
