-- Concurrency limits: per flow (in its spec) and per tag (this table); the slots runs hold, shared by replicas.
create table concurrency_limit (
    tag         varchar(100) primary key,
    slots       int not null check (slots > 0),
    collision   varchar(20) not null,
    updated_at  timestamptz not null
);

create table concurrency_slot (
    limit_key    varchar(200) not null,
    flow_run_id  uuid not null references flow_run (id),
    acquired_at  timestamptz not null,
    primary key (limit_key, flow_run_id)
);
create index concurrency_slot_by_run on concurrency_slot (flow_run_id);

alter table flow_run add column admit_at timestamptz;
-- Waiting runs are admitted in arrival order.
create index flow_run_waiting on flow_run (flow_id, created_at) where state_name = 'AwaitingConcurrencySlot';
-- The retention sweep: finished runs, oldest first.
create index flow_run_finished on flow_run (state_at)
    where state_type in ('COMPLETED', 'FAILED', 'CANCELLED', 'CRASHED');
