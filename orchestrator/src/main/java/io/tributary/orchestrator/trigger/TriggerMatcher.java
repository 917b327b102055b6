package io.tributary.orchestrator.trigger;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.flow.Flow;

/** Whether an event fires a flow's event trigger: type (exact), source and subject (globs). */
public final class TriggerMatcher {
    private TriggerMatcher() {}

    public static boolean matches(Flow flow, NormalizedEvent event) {
        return (flow.triggerType == null || flow.triggerType.equals(event.type()))
                && Glob.matches(flow.triggerSource, event.source().toString())
                && Glob.matches(flow.triggerSubject, event.subject());
    }
}
