#!/bin/sh
# Issue #20 §4: the application's own role, which migration V42 lets read and write our tables but not update, delete
# or truncate the audit tables. Runs once, when the database volume is new (docs/operations.md, "Two database roles").
set -e
psql -v ON_ERROR_STOP=1 -v app_password="$APP_DB_PASSWORD" --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<'EOSQL'
create role yibaoflow_app login password :'app_password';
grant create, usage on schema public to yibaoflow_app;
EOSQL
