package io.tributary.orchestrator.trigger.event;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.TriggerKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Event triggers: every matching event starts a run. */
@ApplicationScoped
public class EventTriggerKind implements TriggerKind<EventTrigger> {

    @Override
    public Class<EventTrigger> specType() {
        return EventTrigger.class;
    }

    @Override
    public List<FieldError> validate(EventTrigger spec, String path) {
        return EventMatch.errors(spec, path);
    }

    @Override
    public CompiledTrigger compile(EventTrigger spec) {
        EventMatch match = EventMatch.of(spec);
        return match::matches;
    }
}
