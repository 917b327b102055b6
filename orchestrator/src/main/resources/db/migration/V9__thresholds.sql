-- Threshold triggers: the counts of each (flow, trigger, group) in its current window, and, per partition of
-- tributary.events, the last offset counted, so that a redelivered event is not counted twice.
create table threshold_window (
    flow_id       uuid not null references flow (id),
    trigger_key   varchar(64) not null,
    group_key     varchar(64) not null,
    group_value   varchar(1000) not null,
    window_start  timestamptz not null,
    event_count   int not null,
    fired         boolean not null,
    primary key (flow_id, trigger_key, group_key)
);

create table threshold_position (
    event_partition  int primary key,
    last_offset      bigint not null
);
