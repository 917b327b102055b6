package io.tributary.orchestrator.engine;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.trigger.IncomingEvent;

/**
 * A run a trigger asks for: started once per (flow, event), however often it is asked.
 *
 * @param event what triggered the run; for a trigger that fires without an event (a schedule, a request), one that
 *     stands for the firing, its id unique per firing
 * @param triggerKind the trigger's kind, as runs show it
 * @param parameters JSON object of the run's parameters, defaults included
 * @param traceparent the W3C trace context of what triggered the run (the event's {@code process} span), or null:
 *     the run's span is then the root of a trace of its own
 * @param link the W3C trace context of the event that fired a run which starts a trace of its own (a threshold the
 *     event reached, a pattern it completed: the run follows from many events, not from that one alone; a silence
 *     after it: from its absence); the run's span links to that event's span, so that one leads to the other. Null
 *     for no link
 */
public record RunRequest(
        FlowDefinition flow,
        NormalizedEvent event,
        String triggerKind,
        String parameters,
        String traceparent,
        String link) {
    public RunRequest(
            FlowDefinition flow, NormalizedEvent event, String triggerKind, String parameters, String traceparent) {
        this(flow, event, triggerKind, parameters, traceparent, null);
    }

    public RunRequest(FlowDefinition flow, NormalizedEvent event, String triggerKind, String parameters) {
        this(flow, event, triggerKind, parameters, null);
    }

    /** The same request, its run's span linked to the span of the event that fired it (when that one is known). */
    public RunRequest linkedTo(IncomingEvent fired) {
        return linkedTo(fired.traceparent());
    }

    /** @param link the {@code traceparent} of the span to link to, or null for none */
    public RunRequest linkedTo(String link) {
        return new RunRequest(flow, event, triggerKind, parameters, traceparent, link);
    }

    String key() {
        return flow.id() + "|" + event.id();
    }
}
