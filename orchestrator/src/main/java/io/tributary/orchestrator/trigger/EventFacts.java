package io.tributary.orchestrator.trigger;

import io.tributary.contract.event.NormalizedEvent;
import io.tributary.orchestrator.expression.CelValues;
import java.util.Map;

/** An event as the triggers see it; its CEL form is built once, for the first filter that needs it. */
public final class EventFacts {
    private final NormalizedEvent event;
    private Map<String, Object> variables;

    public EventFacts(NormalizedEvent event) {
        this.event = event;
    }

    public NormalizedEvent event() {
        return event;
    }

    /** {@code event}: the envelope's attributes and its data. */
    public Map<String, Object> variables() {
        if (variables == null) {
            variables = Map.of("event", CelValues.of(event));
        }
        return variables;
    }
}
