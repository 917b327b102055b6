package io.tributary.orchestrator.trigger.pattern;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.EventMatch;
import io.tributary.orchestrator.trigger.Grouping;
import java.util.ArrayList;
import java.util.List;

/** What compound and sequence triggers have in common: parts matched by events of one group within a window. */
public interface PatternSpec {
    /** The parts, in the order the author listed them. */
    List<EventCondition> parts();

    /** The JSON field that lists the parts, for error paths. */
    String partsField();

    Long withinSeconds();

    /** Null: {@link CompiledPattern#DEFAULT_GRACE}. */
    Long graceSeconds();

    String forEach();

    /** Errors of the parts' filters and of {@code forEach}, and a pattern needing more events than a group keeps. */
    static List<FieldError> errors(PatternSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        int needed = 0;
        for (int i = 0; i < spec.parts().size(); i++) {
            errors.addAll(EventMatch.errors(spec.parts().get(i), path + "." + spec.partsField() + "[" + i + "]"));
            needed += spec.parts().get(i).countOrOne();
        }
        if (needed > PatternBuffer.MAX_EVENTS) {
            errors.add(new FieldError(
                    path + "." + spec.partsField(),
                    "need " + needed + " events together; a group keeps at most " + PatternBuffer.MAX_EVENTS));
        }
        errors.addAll(Grouping.errors(spec.forEach(), path + ".forEach"));
        return errors;
    }
}
