-- Compound and sequence triggers: per (flow, trigger, group), the matching events not yet used by a firing (JSON, in
-- event-time order), the newest event time seen (events older than it by more than the grace period are late) and
-- the newest event of the last firing (no older event starts another); and, per partition of tributary.events, the
-- last offset counted, so that a redelivered event is not counted twice.
create table pattern_state (
    flow_id           uuid not null references flow (id),
    trigger_key       varchar(64) not null,
    group_key         varchar(64) not null,
    group_value       varchar(1000) not null,
    latest_at         timestamptz,
    consumed_through  timestamptz,
    events            text not null,
    primary key (flow_id, trigger_key, group_key)
);

create table pattern_position (
    event_partition  int primary key,
    last_offset      bigint not null
);
