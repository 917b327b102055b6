package io.tributary.orchestrator.trigger.sequence;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.TriggerKeys;
import io.tributary.orchestrator.trigger.TriggerKind;
import io.tributary.orchestrator.trigger.pattern.PatternCounter;
import io.tributary.orchestrator.trigger.pattern.PatternSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Sequence triggers: fed by {@link PatternCounter} as events arrive, state in PostgreSQL. */
@ApplicationScoped
public class SequenceTriggerKind implements TriggerKind<SequenceTrigger> {

    @Override
    public Class<SequenceTrigger> specType() {
        return SequenceTrigger.class;
    }

    @Override
    public List<FieldError> validate(SequenceTrigger spec, String path) {
        return PatternSpec.errors(spec, path);
    }

    @Override
    public CompiledTrigger compile(SequenceTrigger spec) {
        return new CompiledSequence(TriggerKeys.of(spec), spec);
    }
}
