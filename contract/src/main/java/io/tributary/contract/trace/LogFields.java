package io.tributary.contract.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * The ids a log line about an event, a run or a task carries as fields of its own (the MDC; in JSON logs the
 * {@code mdc} object): {@code eventId}, {@code runId}, {@code taskRunId}, and {@code traceId}/{@code spanId} of the
 * span the work runs in, so a line leads to its trace and back. Opened around the log statements of one item and
 * closed after them (try-with-resources), which restores what the MDC held before: reactive code hops threads, so
 * nothing here is left set for whatever the thread runs next.
 */
public final class LogFields implements AutoCloseable {
    public static final String EVENT_ID = "eventId";
    public static final String RUN_ID = "runId";
    public static final String TASK_RUN_ID = "taskRunId";
    /** The names Quarkus' OpenTelemetry extension gives them when a span is current. */
    public static final String TRACE_ID = "traceId";

    public static final String SPAN_ID = "spanId";

    private final Map<String, Object> previous = new LinkedHashMap<>();

    private LogFields() {}

    /** Fields of the span in {@code trace} (none when it holds no valid span). */
    public static LogFields of(Context trace) {
        LogFields fields = new LogFields();
        SpanContext span = trace == null
                ? SpanContext.getInvalid()
                : Span.fromContext(trace).getSpanContext();
        if (span.isValid()) {
            fields.put(TRACE_ID, span.getTraceId());
            fields.put(SPAN_ID, span.getSpanId());
        }
        return fields;
    }

    /** Fields of the span a stored {@code traceparent} names. */
    public static LogFields ofTraceparent(String traceparent) {
        return of(TraceHeaders.fromTraceparent(traceparent));
    }

    public LogFields eventId(Object id) {
        return put(EVENT_ID, id);
    }

    public LogFields runId(Object id) {
        return put(RUN_ID, id);
    }

    public LogFields taskRunId(Object id) {
        return put(TASK_RUN_ID, id);
    }

    private LogFields put(String key, Object value) {
        if (value != null) {
            if (!previous.containsKey(key)) {
                previous.put(key, MDC.get(key));
            }
            MDC.put(key, value.toString());
        }
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
