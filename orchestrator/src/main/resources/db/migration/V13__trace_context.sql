-- The W3C trace context (traceparent) of a run and of each outbox row: a run's task messages and state changes are
-- sent later, by the relay or after a task update, and still continue the trace of the event that started the run.
-- Null where tracing saw no context (then the relay sends the record without one).
alter table flow_run add column traceparent text;
alter table outbox add column traceparent text;
