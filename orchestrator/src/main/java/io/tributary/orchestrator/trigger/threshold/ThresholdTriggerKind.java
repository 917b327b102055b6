package io.tributary.orchestrator.trigger.threshold;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.Grouping;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.tributary.orchestrator.trigger.TriggerKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Threshold triggers: counted by {@link ThresholdCounter} as events arrive, state in PostgreSQL. */
@ApplicationScoped
public class ThresholdTriggerKind implements TriggerKind<ThresholdTrigger> {

    @Override
    public Class<ThresholdTrigger> specType() {
        return ThresholdTrigger.class;
    }

    @Override
    public List<FieldError> validate(ThresholdTrigger spec, String path) {
        List<FieldError> errors = new ArrayList<>(EventMatch.errors(spec, path));
        errors.addAll(Grouping.errors(spec.forEach(), path + ".forEach"));
        return errors;
    }

    @Override
    public CompiledTrigger compile(ThresholdTrigger spec) {
        return new CompiledThreshold(TriggerKeys.of(spec), spec);
    }
}
