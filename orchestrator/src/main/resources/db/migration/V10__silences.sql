-- Proactive triggers: per (flow, trigger, group), the newest matching event and when its silence is due; fired
-- once per silence, watched again by the group's next newer event.
create table silence_timer (
    flow_id        uuid not null references flow (id),
    trigger_key    varchar(64) not null,
    group_key      varchar(64) not null,
    last_event     text not null,
    last_event_at  timestamptz not null,
    due_at         timestamptz not null,
    fired          boolean not null,
    primary key (flow_id, trigger_key, group_key)
);
create index silence_timer_due on silence_timer (due_at) where not fired;
