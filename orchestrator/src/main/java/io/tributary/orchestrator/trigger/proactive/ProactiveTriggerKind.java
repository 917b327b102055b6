package io.tributary.orchestrator.trigger.proactive;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.Grouping;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.tributary.orchestrator.trigger.TriggerKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Proactive triggers: armed by {@link SilenceWatcher} as events arrive, fired by {@link SilenceSweeper}. */
@ApplicationScoped
public class ProactiveTriggerKind implements TriggerKind<ProactiveTrigger> {

    @Override
    public Class<ProactiveTrigger> specType() {
        return ProactiveTrigger.class;
    }

    @Override
    public List<FieldError> validate(ProactiveTrigger spec, String path) {
        List<FieldError> errors = new ArrayList<>(EventMatch.errors(spec, path));
        errors.addAll(Grouping.errors(spec.forEach(), path + ".forEach"));
        return errors;
    }

    @Override
    public CompiledTrigger compile(ProactiveTrigger spec) {
        return new CompiledProactive(TriggerKeys.of(spec), spec);
    }
}
