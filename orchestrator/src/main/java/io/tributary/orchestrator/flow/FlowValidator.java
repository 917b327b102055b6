package io.tributary.orchestrator.flow;

import io.tributary.http.problem.Problem.FieldError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What bean validation cannot see in a flow: unique task names, known dependencies, and no cycle in the DAG. */
final class FlowValidator {
    private FlowValidator() {}

    static List<FieldError> errors(FlowSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < spec.tasks().size(); i++) {
            if (index.putIfAbsent(spec.tasks().get(i).name(), i) != null) {
                errors.add(new FieldError("tasks[" + i + "].name", "another task has this name"));
            }
        }
        for (int i = 0; i < spec.tasks().size(); i++) {
            TaskSpec task = spec.tasks().get(i);
            for (String dependency : task.dependencies()) {
                if (!index.containsKey(dependency)) {
                    errors.add(new FieldError("tasks[" + i + "].dependsOn", "no task named '" + dependency + "'"));
                } else if (dependency.equals(task.name())) {
                    errors.add(new FieldError("tasks[" + i + "].dependsOn", "a task cannot depend on itself"));
                }
            }
        }
        if (errors.isEmpty()) {
            cycle(spec)
                    .ifPresent(name -> errors.add(
                            new FieldError("tasks[" + index.get(name) + "].dependsOn", "is part of a cycle")));
        }
        return errors;
    }

    /** A task on a cycle, found by depth-first search; empty for a DAG. */
    private static Optional<String> cycle(FlowSpec spec) {
        Map<String, TaskSpec> byName = new HashMap<>();
        spec.tasks().forEach(t -> byName.put(t.name(), t));
        Set<String> done = new HashSet<>();
        for (TaskSpec task : spec.tasks()) {
            String found = visit(task.name(), byName, new HashSet<>(), done);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    private static String visit(String name, Map<String, TaskSpec> byName, Set<String> path, Set<String> done) {
        if (done.contains(name)) {
            return null;
        }
        if (!path.add(name)) {
            return name;
        }
        for (String dependency : byName.get(name).dependencies()) {
            String found = visit(dependency, byName, path, done);
            if (found != null) {
                return found;
            }
        }
        path.remove(name);
        done.add(name);
        return null;
    }
}
