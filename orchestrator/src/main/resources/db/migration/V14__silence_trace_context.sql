-- The W3C trace context (traceparent) of the event a silence last heard: the run the silence fires starts a trace
-- of its own, linked to that event's span. Null where tracing saw no context, and for silences armed before this.
alter table silence_timer add column last_traceparent text;
