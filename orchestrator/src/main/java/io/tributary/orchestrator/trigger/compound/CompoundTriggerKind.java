package io.tributary.orchestrator.trigger.compound;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.tributary.orchestrator.trigger.TriggerKind;
import io.tributary.orchestrator.trigger.pattern.PatternCounter;
import io.tributary.orchestrator.trigger.pattern.PatternSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Compound triggers: fed by {@link PatternCounter} as events arrive, state in PostgreSQL. */
@ApplicationScoped
public class CompoundTriggerKind implements TriggerKind<CompoundTrigger> {

    @Override
    public Class<CompoundTrigger> specType() {
        return CompoundTrigger.class;
    }

    @Override
    public List<FieldError> validate(CompoundTrigger spec, String path) {
        List<FieldError> errors = new ArrayList<>(PatternSpec.errors(spec, path));
        if (spec.require().of(spec.triggers().size()) == 0) {
            errors.add(new FieldError(
                    path + ".require",
                    "must be all, any, or a number from 1 to " + spec.triggers().size()));
        }
        return errors;
    }

    @Override
    public CompiledTrigger compile(CompoundTrigger spec) {
        return new CompiledCompound(TriggerKeys.of(spec), spec);
    }
}
