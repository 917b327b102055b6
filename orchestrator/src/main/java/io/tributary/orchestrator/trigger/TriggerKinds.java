package io.tributary.orchestrator.trigger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.manual.ManualRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every {@link TriggerKind}, by the class of spec it takes. */
@ApplicationScoped
public class TriggerKinds {
    private final Map<Class<?>, TriggerKind<?>> bySpec = new HashMap<>();

    public TriggerKinds(Instance<TriggerKind<?>> kinds) {
        kinds.forEach(kind -> bySpec.put(kind.specType(), kind));
    }

    /**
     * What can start a run, as {@code flow_run.trigger_kind} records it: every spec's {@code kind}, and
     * {@code manual}. Read from the spec's subtypes, so a new kind is listed by being declared there.
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (JsonSubTypes.Type type :
                TriggerSpec.class.getAnnotation(JsonSubTypes.class).value()) {
            names.add(type.name());
        }
        names.add(ManualRuns.KIND);
        return names;
    }

    /** A spec's {@code kind}, as {@link #names()} lists it. */
    public static String nameOf(TriggerSpec spec) {
        for (JsonSubTypes.Type type :
                TriggerSpec.class.getAnnotation(JsonSubTypes.class).value()) {
            if (type.value() == spec.getClass()) {
                return type.name();
            }
        }
        throw new IllegalStateException(
                "no kind declared for " + spec.getClass().getName());
    }

    public List<FieldError> validate(List<TriggerSpec> triggers) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < triggers.size(); i++) {
            errors.addAll(kindOf(triggers.get(i)).validate(triggers.get(i), "triggers[" + i + "]"));
            if (!seen.add(TriggerKeys.of(triggers.get(i)))) {
                // Stateful triggers are known by their spec: two alike would count every event twice.
                errors.add(new FieldError("triggers[" + i + "]", "is the same as an earlier trigger"));
            }
        }
        return errors;
    }

    public List<CompiledTrigger> compile(List<TriggerSpec> triggers) {
        return triggers.stream().map(spec -> kindOf(spec).compile(spec)).toList();
    }

    @SuppressWarnings("unchecked")
    private <S extends TriggerSpec> TriggerKind<S> kindOf(S spec) {
        TriggerKind<S> kind = (TriggerKind<S>) bySpec.get(spec.getClass());
        if (kind == null) {
            throw new IllegalStateException(
                    "no TriggerKind bean for " + spec.getClass().getName());
        }
        return kind;
    }
}
