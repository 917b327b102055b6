package io.tributary.orchestrator.engine;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.flow.FlowDefinition;

/**
 * A run a trigger asks for: started once per (flow, event), however often it is asked.
 *
 * @param event what triggered the run; for a trigger that fires without an event (a schedule, a request), one that
 *     stands for the firing, its id unique per firing
 * @param triggerKind the trigger's kind, as runs show it
 * @param parameters JSON object of the run's parameters, defaults included
 * @param traceparent the W3C trace context of what triggered the run (the event's {@code process} span), or null:
 *     the run's span is then the root of a trace of its own
 */
public record RunRequest(
        FlowDefinition flow, NormalizedEvent event, String triggerKind, String parameters, String traceparent) {
    public RunRequest(FlowDefinition flow, NormalizedEvent event, String triggerKind, String parameters) {
        this(flow, event, triggerKind, parameters, null);
    }

    String key() {
        return flow.id() + "|" + event.id();
    }
}
