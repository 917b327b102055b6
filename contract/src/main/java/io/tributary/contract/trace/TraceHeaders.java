package io.tributary.contract.trace;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The trace context between services: W3C Trace Context ({@code traceparent}, {@code tracestate}) in Kafka record
 * headers, and a {@code traceparent} string where a hop is stored before it goes on (the orchestrator's run and
 * outbox rows). W3C by name rather than through the configured propagators: this is the wire contract, and a
 * service with its tracing SDK switched off still passes a trace it receives on (its no-op spans carry their
 * parent's context), so one service without tracing does not cut the trace in two.
 */
public final class TraceHeaders {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Headers> KAFKA_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return () ->
                    java.util.Arrays.stream(headers.toArray()).map(Header::key).iterator();
        }

        @Override
        public String get(Headers headers, String key) {
            if (headers == null) {
                return null;
            }
            Header header = headers.lastHeader(key);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }
    };

    private static final TextMapSetter<Headers> KAFKA_SETTER = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> map) {
            return map.keySet();
        }

        @Override
        public String get(Map<String, String> map, String key) {
            return map == null ? null : map.get(key);
        }
    };

    private TraceHeaders() {}

    /** The context a record's headers carry; the root context (no parent) when they carry none. */
    public static Context extract(Headers headers) {
        return headers == null ? Context.root() : W3C.extract(Context.root(), headers, KAFKA_GETTER);
    }

    /** From headers or properties read as strings (an upstream broker's, MQTT 5 user properties). */
    public static Context extract(Map<String, String> headers) {
        return headers == null || headers.isEmpty() ? Context.root() : W3C.extract(Context.root(), headers, MAP_GETTER);
    }

    /** Headers carrying the context's span, for a record to send; none when it has no valid span. */
    public static Headers of(Context context) {
        RecordHeaders headers = new RecordHeaders();
        if (context != null) {
            W3C.inject(context, headers, KAFKA_SETTER);
        }
        return headers;
    }

    /** The {@code traceparent} of the context's span, to store with what goes on later; null when none. */
    public static String traceparent(Context context) {
        if (context == null) {
            return null;
        }
        SpanContext span = Span.fromContext(context).getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-"
                + span.getTraceFlags().asHex();
    }

    /** The context a stored {@code traceparent} names; the root context when it is null or not one. */
    public static Context fromTraceparent(String traceparent) {
        return traceparent == null ? Context.root() : extract(Map.of(TRACEPARENT, traceparent));
    }
}
