-- Flows get versions, several triggers and parameters; runs keep the version they started with, their parameters
-- and what triggered them; a task run keeps the parameters its attempt was given (expressions evaluated).

create table flow_version (
    flow_id     uuid not null references flow (id),
    version     int not null,
    spec        text not null,
    created_at  timestamptz not null,
    primary key (flow_id, version)
);

-- A V1–V5 flow had one event trigger: it becomes the first of its list.
update flow set spec = ((spec::jsonb - 'trigger')
        || jsonb_build_object('triggers', jsonb_build_array(
            jsonb_build_object('kind', 'event') || coalesce(spec::jsonb -> 'trigger', '{}'::jsonb))))::text;

alter table flow
    add column version int not null default 1,
    add column deleted_at timestamptz,
    -- Where the flow is managed: 'api', or 'file:<name>' for a flow loaded from the flows folder.
    add column origin varchar(300) not null default 'api',
    drop column trigger_type;
alter table flow alter column version drop default, alter column origin drop default;

insert into flow_version (flow_id, version, spec, created_at) select id, 1, spec, updated_at from flow;

alter table flow_run
    add column flow_version int not null default 1,
    add column trigger_kind varchar(20) not null default 'event',
    add column parameters text not null default '{}';
alter table flow_run
    alter column flow_version drop default,
    alter column trigger_kind drop default,
    alter column parameters drop default;

alter table task_run add column parameters text;
-- A task run dispatched before this migration is dispatched again (a retry) with its parameters as its flow wrote
-- them: they had no expressions.
update task_run t set parameters = coalesce(
        (select (task -> 'parameters')::text
           from flow_run r
           join flow_version v on v.flow_id = r.flow_id and v.version = r.flow_version
           cross join jsonb_array_elements(v.spec::jsonb -> 'tasks') task
          where r.id = t.flow_run_id and task ->> 'name' = t.task_name),
        '{}')
    where t.attempt > 0;

-- Counts every change of flows and concurrency limits: each change increments it in its transaction (the row lock
-- orders the commits), so a replica's catalog sees every change another replica committed, whatever the clocks say.
create table catalog_revision (
    id        int primary key check (id = 1),
    revision  bigint not null
);
insert into catalog_revision (id, revision) values (1, 0);
