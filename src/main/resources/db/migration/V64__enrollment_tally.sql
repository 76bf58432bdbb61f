-- Issue #21 §4: the supervisor dashboard's enrollment figures (EnrollmentStatistics) pre-aggregated, so that they do
-- not scan the region's cases of the year and the year before (about 1 s at 450 000 + 450 000 cases,
-- docs/benchmarks.md). enrollment_tally holds the number of cases and their subsidies' sum per region, coverage year,
-- township, status, applied hardship category and day of application (created_at in Asia/Shanghai, as the dashboard's
-- weeks). Triggers on enrollment_case never touch it: they append +1 (new row) and -1 (old row) to
-- enrollment_tally_delta, so concurrent intakes never wait for one another on shared counter rows and cannot
-- deadlock. enrollment_tally_fold() moves the deltas into the tally (EnrollmentTallyFold, every few seconds on every
-- node, one at a time under an advisory lock). Readers add the deltas not folded yet, in the same statement, so the
-- figures are always exactly those of enrollment_case.
-- The application's role gets its privileges from V57's default privileges (select, insert, update, delete). The
-- functions name the schema: the triggers run with the search path of whoever writes enrollment_case.

create table enrollment_tally (
    region_code      varchar(6)     not null,
    coverage_year    int            not null,
    township         varchar(100)   not null,
    status           varchar(20)    not null,
    applied_category varchar(30),
    applied_on       date           not null,
    cases            bigint         not null,
    subsidy          numeric(16, 2) not null,
    constraint enrollment_tally_key unique nulls not distinct
        (region_code, coverage_year, township, status, applied_category, applied_on)
);

-- The same columns, no key (several deltas of one key until they are folded); append-only between folds, scanned by
-- every dashboard request: the fold keeps it short (2 000 pending deltas add about 1 ms, docs/benchmarks.md)
create table enrollment_tally_delta (like enrollment_tally);

-- Inserts and deletes: one statement-level trigger each, one delta row per key however many cases the statement
-- wrote (imports, SQL seeds).
create function enrollment_tally_rows_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into yibao.enrollment_tally_delta
        select region_code, coverage_year, township, status, applied_category,
               (created_at at time zone 'Asia/Shanghai')::date, count(*), coalesce(sum(subsidy), 0)
        from new_rows
        group by 1, 2, 3, 4, 5, 6;
    else
        insert into yibao.enrollment_tally_delta
        select region_code, coverage_year, township, status, applied_category,
               (created_at at time zone 'Asia/Shanghai')::date, -count(*), -coalesce(sum(subsidy), 0)
        from old_rows
        group by 1, 2, 3, 4, 5, 6;
    end if;
    return null;
end
$$;

-- Updates: row-level, and only when a counted column changes. Most updates (each process step, with Hibernate's
-- dynamic update) change other columns; the WHEN condition is checked without entering PL/pgSQL.
create function enrollment_tally_row_updated() returns trigger language plpgsql as $$
begin
    insert into yibao.enrollment_tally_delta values
        (old.region_code, old.coverage_year, old.township, old.status, old.applied_category,
         (old.created_at at time zone 'Asia/Shanghai')::date, -1, -coalesce(old.subsidy, 0)),
        (new.region_code, new.coverage_year, new.township, new.status, new.applied_category,
         (new.created_at at time zone 'Asia/Shanghai')::date, 1, coalesce(new.subsidy, 0));
    return null;
end
$$;

-- TRUNCATE fires no row triggers: forget every figure (delete, not truncate: the application's role may not truncate)
create function enrollment_tally_truncated() returns trigger language plpgsql as $$
begin
    delete from yibao.enrollment_tally_delta;
    delete from yibao.enrollment_tally;
    return null;
end
$$;

-- Creating the triggers locks enrollment_case against writers until this migration commits, after the writers
-- already running have finished; the fill below therefore sees every case, and every later change goes through the
-- triggers (also when an older node keeps writing during a rolling upgrade).
create trigger enrollment_tally_inserted after insert on enrollment_case
    referencing new table as new_rows for each statement execute function enrollment_tally_rows_changed();
create trigger enrollment_tally_deleted after delete on enrollment_case
    referencing old table as old_rows for each statement execute function enrollment_tally_rows_changed();
create trigger enrollment_tally_updated after update on enrollment_case for each row
    when ((old.region_code, old.coverage_year, old.township, old.status, old.applied_category, old.subsidy,
           old.created_at)
          is distinct from
          (new.region_code, new.coverage_year, new.township, new.status, new.applied_category, new.subsidy,
           new.created_at))
    execute function enrollment_tally_row_updated();
create trigger enrollment_tally_truncated after truncate on enrollment_case
    for each statement execute function enrollment_tally_truncated();

insert into enrollment_tally
select region_code, coverage_year, township, status, applied_category,
       (created_at at time zone 'Asia/Shanghai')::date, count(*), coalesce(sum(subsidy), 0)
from enrollment_case
group by 1, 2, 3, 4, 5, 6;

-- Moves every delta visible now into the tally, in one transaction, and drops keys left without cases; returns how
-- many delta rows it folded, or -1 when another fold holds the lock (two nodes run it: one at a time, so that two
-- folds never update the same tally rows in different orders). Deltas committed while it runs wait for the next fold.
create function enrollment_tally_fold() returns bigint language plpgsql as $$
declare
    folded bigint;
begin
    if not pg_try_advisory_xact_lock(hashtext('yibao.enrollment_tally_fold')) then
        return -1;
    end if;
    with moved as (delete from yibao.enrollment_tally_delta returning *),
         summed as (select region_code, coverage_year, township, status, applied_category, applied_on,
                           sum(cases) as cases, sum(subsidy) as subsidy, count(*) as deltas
                    from moved
                    group by 1, 2, 3, 4, 5, 6),
         upserted as (insert into yibao.enrollment_tally as t
                      select region_code, coverage_year, township, status, applied_category, applied_on, cases,
                             subsidy
                      from summed
                      on conflict on constraint enrollment_tally_key
                      do update set cases = t.cases + excluded.cases, subsidy = t.subsidy + excluded.subsidy
                      returning 1)
    select coalesce(sum(deltas), 0) into folded from summed;
    if folded > 0 then
        delete from yibao.enrollment_tally where cases = 0 and subsidy = 0;
    end if;
    return folded;
end
$$;
