-- The engine: flows as DAGs of tasks, named states with their message and time, attempts, and the timers of a run
-- (attempt timeouts, heartbeats, retry delays, flow timeout, "start within", cancel grace) summed up in wake_at.

-- A flow keeps its whole definition as JSON; the single task of a V1 flow becomes a one-task DAG.
alter table flow add column spec text, add column updated_at timestamptz;
update flow set updated_at = created_at, spec = json_build_object(
        'name', name,
        'trigger', json_strip_nulls(json_build_object(
            'type', trigger_type, 'source', trigger_source, 'subject', trigger_subject)),
        'tasks', json_build_array(json_build_object(
            'name', task_type, 'type', task_type, 'parameters', task_parameters::json,
            'timeoutSeconds', greatest(1, ceil(task_timeout_ms / 1000.0))::bigint)),
        'resultTopic', result_topic)::text;
alter table flow
    alter column spec set not null,
    alter column updated_at set not null,
    drop column trigger_source,
    drop column trigger_subject,
    drop column task_type,
    drop column task_parameters,
    drop column task_timeout_ms,
    drop column result_topic;

alter table flow_run
    add column state_message text,
    add column state_at timestamptz,
    add column started_at timestamptz,
    add column wake_at timestamptz;
update flow_run set state_at = updated_at,
    started_at = case when state_type not in ('SCHEDULED', 'PENDING') then created_at end;
alter table flow_run alter column state_at set not null, drop column updated_at;
-- The wake sweep's claim: the runs with the earliest due timers.
create index flow_run_wake on flow_run (wake_at) where wake_at is not null;

alter table task_run
    add column task_name varchar(100),
    add column state_message text,
    add column state_at timestamptz,
    add column started_at timestamptz,
    add column heartbeat_at timestamptz,
    add column retry_at timestamptz;
update task_run set task_name = task_type, state_message = error, state_at = updated_at,
    started_at = case when state_type = 'RUNNING' then updated_at end,
    heartbeat_at = case when state_type = 'RUNNING' then now() end;
alter table task_run
    alter column task_name set not null,
    alter column state_at set not null,
    drop column deadline,
    drop column updated_at;
-- A V1 attempt still running has no timer yet: from now on it is judged by its timeout and heartbeats.
update flow_run set wake_at = now() where state_type = 'RUNNING';

alter table run_state rename column message to state_message;
alter table run_state rename column occurred_at to state_at;
alter table run_state add column attempt int;

-- Hibernate assigns these ids from pooled blocks of 100, so inserts can be batched.
alter sequence run_state_id_seq increment by 100;
alter sequence outbox_id_seq increment by 100;
