package io.tributary.orchestrator.tasktype;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskType;
import io.tributary.http.LogSafe;
import io.tributary.http.problem.Problem.FieldError;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The task types the executors run, read from the compacted {@code tributary.task-types} (every replica reads it
 * whole, from the start, in a group of its own), with each type's parameter schema compiled. A record that is not a
 * task type is logged and skipped: failure strategy {@code ignore}, the catalogue must go on.
 */
@ApplicationScoped
public class TaskTypeCatalog {
    static final String CHANNEL = "task-types";
    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri("https://tributary.io/task-types/")
            .setOutputFormat(OutputFormat.Basic);

    private final Map<String, Known> types = new ConcurrentSkipListMap<>();

    private record Known(TaskType type, Validator validator) {}

    @Incoming(CHANNEL)
    public void consume(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            types.remove(record.key());
            return;
        }
        try {
            TaskType type = Json.read(record.value(), TaskType.class);
            JsonObject schema = new JsonObject(Json.write(type.parameters()));
            types.put(type.type(), new Known(type, Validator.create(JsonSchema.of(schema), OPTIONS)));
        } catch (RuntimeException e) {
            Log.warnf(
                    "Skipping task type record %s@%d: %s",
                    LogSafe.text(record.key()), record.offset(), LogSafe.text(e.getMessage()));
        }
    }

    public Collection<TaskType> all() {
        return types.values().stream().map(Known::type).toList();
    }

    /** Whether any executor published its types: before, no type can be told unknown. */
    public boolean isEmpty() {
        return types.isEmpty();
    }

    /**
     * What is wrong with a task's type and parameters.
     *
     * @param path how errors name the task, e.g. {@code tasks[0]}
     * @param computed JSON pointers of the parameters given as expressions: known only at run time, so not checked
     */
    public List<FieldError> errors(String path, String type, JsonNode parameters, Set<String> computed) {
        Known known = types.get(type);
        if (known == null) {
            return List.of(new FieldError(path + ".type", "no executor runs '" + type + "'; known: " + types.keySet()));
        }
        OutputUnit result = known.validator.validate(new JsonObject(Json.write(parameters)));
        if (Boolean.TRUE.equals(result.getValid()) || result.getErrors() == null) {
            return List.of();
        }
        // A failing property is reported at each level of the schema: its most specific keyword says why.
        Map<String, OutputUnit> deepest = new TreeMap<>();
        for (OutputUnit error : result.getErrors()) {
            String at = error.getInstanceLocation() == null
                    ? ""
                    : error.getInstanceLocation().replaceFirst("^#", "");
            OutputUnit before = deepest.get(at);
            if (before == null || depth(error) > depth(before)) {
                deepest.put(at, error);
            }
        }
        List<FieldError> errors = new ArrayList<>();
        deepest.forEach((at, error) -> {
            if (at.isEmpty() || computed.stream().noneMatch(at::startsWith)) {
                String message = error.getKeywordLocation().endsWith("/additionalProperties")
                        ? "is not a parameter of '" + type + "'"
                        : error.getError();
                errors.add(new FieldError(path + ".parameters" + at.replace('/', '.'), message));
            }
        });
        return errors;
    }

    private static long depth(OutputUnit error) {
        String keyword = error.getKeywordLocation();
        return keyword == null ? 0 : keyword.chars().filter(c -> c == '/').count();
    }
}
