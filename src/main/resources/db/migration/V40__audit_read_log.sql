-- Issue #20 §6 "who looked": every read of a person's data (a case trail, a case page) is itself recorded.
-- Append-only like the case history: nothing in the application updates or deletes it.
create table audit_read (
    id       bigserial    primary key,
    read_by  varchar(64)  not null,
    read_at  timestamptz  not null,
    what     varchar(40)  not null,
    subject  varchar(80)  not null,
    detail   varchar(200)
);
create index audit_read_subject on audit_read (subject, read_at);
