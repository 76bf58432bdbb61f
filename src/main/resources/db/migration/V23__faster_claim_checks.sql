-- The claims import calls these three functions for every staged row, twice (the checks, then the upsert): a
-- county's year is a million rows. Same answers as V20, cheaper (docs/benchmarks.md, claims benchmark):
-- * lenient_date no longer catches an exception to reject an impossible day (a PL/pgSQL block with EXCEPTION opens
--   a subtransaction on every call); it checks the parts first and stays a plain SQL function the planner inlines;
-- * resident_id_valid weighs the 17 digits in one expression instead of a generate_series subquery per row.

create or replace function resident_id_valid(n text) returns boolean
    language sql immutable parallel safe
as $$
select coalesce(n ~ '^[0-9]{17}[0-9X]$'
    and substr('10X98765432',
               (  substr(n, 1, 1)::int * 7 + substr(n, 2, 1)::int * 9 + substr(n, 3, 1)::int * 10
                + substr(n, 4, 1)::int * 5 + substr(n, 5, 1)::int * 8 + substr(n, 6, 1)::int * 4
                + substr(n, 7, 1)::int * 2 + substr(n, 8, 1)::int * 1 + substr(n, 9, 1)::int * 6
                + substr(n, 10, 1)::int * 3 + substr(n, 11, 1)::int * 7 + substr(n, 12, 1)::int * 9
                + substr(n, 13, 1)::int * 10 + substr(n, 14, 1)::int * 5 + substr(n, 15, 1)::int * 8
                + substr(n, 16, 1)::int * 4 + substr(n, 17, 1)::int * 2) % 11 + 1,
               1) = substr(n, 18, 1), false)
$$;

-- The parts of a date as written: year, month, day (null if no spelling matches).
create or replace function lenient_date_parts(t text) returns int[]
    language sql immutable parallel safe
as $$
select coalesce(regexp_match(btrim(t), '^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$'),
                regexp_match(btrim(t), '^(\d{4})(\d{2})(\d{2})$'))::int[]
$$;

create or replace function lenient_date(t text) returns date
    language sql immutable parallel safe
as $$
select case when p[1] >= 1 and p[2] between 1 and 12 and p[3] >= 1
                 and p[3] <= extract(day from make_date(p[1], p[2], 1) + interval '1 month' - interval '1 day')
            then make_date(p[1], p[2], p[3]) end
from (select yibao.lenient_date_parts(t) p) x
$$;
