-- Flows, their runs, task runs, state history, and the outbox relayed to Kafka.
create table flow (
    id               uuid primary key,
    name             varchar(200) not null unique,
    trigger_type     varchar(200),
    trigger_source   varchar(1000),
    trigger_subject  varchar(1000),
    task_type        varchar(100) not null,
    task_parameters  text not null,
    result_topic     varchar(249),
    task_timeout_ms  bigint not null,
    created_at       timestamptz not null
);

create table flow_run (
    id             uuid primary key,
    flow_id        uuid not null references flow (id),
    event_id       varchar(200) not null,
    series_key     varchar(2000) not null,
    trigger_event  text not null,
    state_type     varchar(20) not null,
    state_name     varchar(50) not null,
    result         text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    -- One run per flow and triggering event: a redelivered event finds its run and starts no second one.
    constraint flow_run_once_per_event unique (flow_id, event_id)
);
create index flow_run_newest on flow_run (created_at desc, id);
create index flow_run_by_flow on flow_run (flow_id, created_at desc);

create table task_run (
    id           uuid primary key,
    flow_run_id  uuid not null references flow_run (id),
    task_type    varchar(100) not null,
    attempt      int not null,
    state_type   varchar(20) not null,
    state_name   varchar(50) not null,
    result       text,
    error        text,
    deadline     timestamptz not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index task_run_by_flow_run on task_run (flow_run_id);
create index task_run_open_deadline on task_run (deadline) where state_type in ('PENDING', 'RUNNING');

create table run_state (
    id           bigserial primary key,
    flow_run_id  uuid not null references flow_run (id),
    task_run_id  uuid references task_run (id),
    state_type   varchar(20) not null,
    state_name   varchar(50) not null,
    message      text,
    occurred_at  timestamptz not null
);
create index run_state_by_flow_run on run_state (flow_run_id, id);

create table outbox (
    id           bigserial primary key,
    topic        varchar(249) not null,
    message_key  varchar(2000) not null,
    payload      text not null,
    created_at   timestamptz not null
);
