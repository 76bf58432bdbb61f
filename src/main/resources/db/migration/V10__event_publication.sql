-- Spring Modulith's JPA event publication registry (issue #15): an event published by one module stays here until
-- each of its listeners has handled it; incomplete publications are resubmitted at start. Completed ones are
-- deleted (spring.modulith.events.completion-mode: delete), so the table holds only what is still owed.
create table event_publication (
    id               uuid                     not null primary key,
    listener_id      text                     not null,
    event_type       text                     not null,
    serialized_event text                     not null,
    publication_date timestamp with time zone not null,
    completion_date  timestamp with time zone
);
create index event_publication_incomplete on event_publication (publication_date) where completion_date is null;

-- The case history is written by the audit module's listener: each fact once, however often it is delivered.
alter table case_history add column event_id uuid;
create unique index case_history_event on case_history (event_id);
