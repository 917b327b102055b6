-- Schedule triggers: when each is next due. A row per (flow, schedule); the schedule's key is a hash of its spec.
create table schedule_timer (
    flow_id      uuid not null references flow (id),
    trigger_key  varchar(64) not null,
    next_at      timestamptz not null,
    primary key (flow_id, trigger_key)
);
-- The sweep's claim: the earliest due first.
create index schedule_timer_due on schedule_timer (next_at);
