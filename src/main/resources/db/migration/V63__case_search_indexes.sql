-- Issue #20 §3: the indexes the audit case search (GET /api/cases, audit/CaseSearch) needs on Camunda's tables at a
-- county's 450 000 cases (docs/benchmarks.md, "Audit case search"). Camunda creates its tables when the engine starts,
-- after Flyway has run (on a new database they do not exist yet here), and it is their owner: so this migration only
-- defines the indexes, and the application creates them with yibao.case_search_indexes() once the engine is up
-- (audit/CaseSearchIndexes, at every start: "if not exists" makes a later start a no-op).
--   yf_case_search_bk_trgm     trigram GIN on the business key: q (part of a business key or ID number) and
--                              regionCode are LIKE '%…%' matches, which no B-tree serves
--   yf_case_search_open_start  open instances newest first (state=OPEN, and where most searches start)
--   yf_case_search_key_start   one case type newest first (type=…)
--   yf_case_search_task_due    open tasks by due date (overdue=true)
create extension if not exists pg_trgm;

create or replace function case_search_indexes() returns void
language plpgsql as $$
declare
    procinst regclass := to_regclass('act_hi_procinst');
    task regclass := to_regclass('act_ru_task');
    trgm text;
begin
    if procinst is null or task is null then
        raise notice 'Camunda''s tables do not exist yet: no case search indexes';
        return;
    end if;
    select format('%I.%I', n.nspname, c.opcname) into trgm
    from pg_opclass c join pg_namespace n on n.oid = c.opcnamespace where c.opcname = 'gin_trgm_ops' limit 1;
    execute format('create index if not exists yf_case_search_bk_trgm on %s using gin (business_key_ %s)',
        procinst, trgm);
    execute format('create index if not exists yf_case_search_open_start on %s (start_time_ desc) '
        || 'where end_time_ is null', procinst);
    execute format('create index if not exists yf_case_search_key_start on %s (proc_def_key_, start_time_ desc)',
        procinst);
    execute format('create index if not exists yf_case_search_task_due on %s (due_date_)', task);
end
$$;
