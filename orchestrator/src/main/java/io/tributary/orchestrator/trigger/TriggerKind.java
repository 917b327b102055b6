package io.tributary.orchestrator.trigger;

import io.tributary.http.problem.Problem.FieldError;
import java.util.List;

/**
 * One kind of trigger: checks a spec when the flow is saved and compiles it once per flow version. Found by CDI;
 * {@link TriggerKinds} picks the one for a spec's class.
 */
public interface TriggerKind<S extends TriggerSpec> {
    Class<S> specType();

    /**
     * What makes the spec never fire as its author means it (an expression that does not compile, say).
     *
     * @param path how errors name the trigger, e.g. {@code triggers[0]}
     */
    List<FieldError> validate(S spec, String path);

    /** Called only for a spec {@link #validate} passed. */
    CompiledTrigger compile(S spec);
}
