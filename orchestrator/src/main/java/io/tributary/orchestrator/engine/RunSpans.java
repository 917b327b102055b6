package io.tributary.orchestrator.engine;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.tributary.contract.trace.MessagingSpans;
import io.tributary.contract.trace.TraceHeaders;
import io.tributary.orchestrator.run.FlowRun;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The {@code start run} span: a trigger fired and a run was decided, a child of the triggering event's span when the
 * event carried a trace; a run that starts a trace of its own although an event fired it (a threshold reached, a
 * pattern completed, a silence after it) links to that event's span instead. Its context is stored on the run, so
 * the messages sent for the run later (its task messages and state changes, relayed from the outbox; the tasks
 * dispatched after a task update) continue it.
 */
@ApplicationScoped
public class RunSpans {
    static final AttributeKey<String> FLOW = AttributeKey.stringKey("tributary.flow");
    static final AttributeKey<String> TRIGGER_KIND = AttributeKey.stringKey("tributary.trigger.kind");

    private final Tracer tracer;

    public RunSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * Records the decision as an (instant) span and returns its {@code traceparent}; null when tracing is off and no
     * parent came with the request.
     */
    String started(FlowRun run, RunRequest request) {
        Context parent = TraceHeaders.fromTraceparent(request.traceparent());
        SpanBuilder builder = tracer.spanBuilder("start run")
                .setParent(parent)
                .setAttribute(FLOW, request.flow().spec().name())
                .setAttribute(TRIGGER_KIND, request.triggerKind())
                .setAttribute(MessagingSpans.FLOW_RUN_ID, run.id.toString())
                .setAttribute(MessagingSpans.EVENT_ID, request.event().id());
        SpanContext fired =
                Span.fromContext(TraceHeaders.fromTraceparent(request.link())).getSpanContext();
        if (fired.isValid()) {
            builder.addLink(fired);
        }
        Span span = builder.startSpan();
        String traceparent = TraceHeaders.traceparent(parent.with(span));
        span.end();
        return traceparent;
    }
}
