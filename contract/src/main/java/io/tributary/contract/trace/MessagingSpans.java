package io.tributary.contract.trace;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;

/**
 * The spans of a Kafka hop, named as OpenTelemetry's messaging conventions name them ({@code publish <topic>},
 * {@code process <topic>}). Made by hand rather than by the Kafka connector's tracing (switched off): the batch
 * consumers need a span per record, parented by that record's own headers, and the outbox relay sends records whose
 * parent was stored with them, not the context of the thread that sends.
 */
public final class MessagingSpans {
    public static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    public static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    public static final AttributeKey<String> MESSAGE_KEY = AttributeKey.stringKey("messaging.kafka.message.key");
    /** The CloudEvent id of the event a span handles (semantic conventions: {@code cloudevents.event_id}). */
    public static final AttributeKey<String> EVENT_ID = AttributeKey.stringKey("cloudevents.event_id");

    public static final AttributeKey<String> FLOW_RUN_ID = AttributeKey.stringKey("tributary.flow_run_id");
    public static final AttributeKey<String> TASK_RUN_ID = AttributeKey.stringKey("tributary.task_run_id");

    private MessagingSpans() {}

    /** A span for sending one record to {@code topic}; its context goes into the record's headers. */
    public static Span publish(Tracer tracer, String system, String topic, Context parent) {
        return tracer.spanBuilder("publish " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, system)
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "send")
                .startSpan();
    }

    /** A span for handling one received record (or reading), a child of the context it carried. */
    public static Span process(Tracer tracer, String system, String topic, Context parent) {
        return tracer.spanBuilder("process " + topic)
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute(SYSTEM, system)
                .setAttribute(DESTINATION, topic)
                .setAttribute(OPERATION, "process")
                .startSpan();
    }

    /** Ends the span when the work terminates: a failure marks it as an error, a cancellation just ends it. */
    public static <T> Uni<T> endedAfter(Span span, Uni<T> work) {
        return work.onItemOrFailure()
                .invoke((item, failure) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                        span.recordException(failure);
                    }
                    span.end();
                })
                .onCancellation()
                .invoke(span::end);
    }
}
