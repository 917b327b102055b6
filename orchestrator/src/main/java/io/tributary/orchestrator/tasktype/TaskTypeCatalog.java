package io.tributary.orchestrator.tasktype;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
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
    /** Per partition, the offset after the last record consumed. */
    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();

    private final KafkaClientService clients;
    private volatile boolean caughtUp;

    TaskTypeCatalog(KafkaClientService clients) {
        this.clients = clients;
    }

    private record Known(TaskType type, Validator validator) {}

    @Incoming(CHANNEL)
    public void consume(ConsumerRecord<String, String> record) {
        try {
            store(record);
        } finally {
            // After the type is stored: the catalogue must not be ready before it holds what it read.
            consumed.merge(record.partition(), record.offset() + 1, Math::max);
        }
    }

    private void store(ConsumerRecord<String, String> record) {
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

    /**
     * Whether the catalogue can tell a type unknown: it has read the topic up to where it ended lately, and some
     * executor published its types. Before, a flow naming a type not read yet would be refused for nothing (a
     * restarted orchestrator reads the topic from the start).
     */
    public boolean ready() {
        return caughtUp && !types.isEmpty();
    }

    /** Whether the catalogue has read the topic up to where it ended lately (whether or not it holds a type). */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Until the catalogue has caught up with the topic: compares what it consumed with the partitions' ends. */
    @Scheduled(every = "0.5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> checkCaughtUp() {
        KafkaConsumer<Object, Object> consumer = caughtUp ? null : clients.getConsumer(CHANNEL);
        if (consumer == null) {
            return Uni.createFrom().voidItem();
        }
        Function<Consumer<Object, Object>, Map<Integer, long[]>> bounds = kafka -> {
            Map<TopicPartition, Long> begin = kafka.beginningOffsets(kafka.assignment());
            Map<Integer, long[]> byPartition = new HashMap<>();
            kafka.endOffsets(kafka.assignment())
                    .forEach((partition, end) ->
                            byPartition.put(partition.partition(), new long[] {begin.get(partition), end}));
            return byPartition;
        };
        return consumer.runOnPollingThread(bounds)
                .invoke(read -> caughtUp = consumedUpTo(read))
                .replaceWithVoid();
    }

    /**
     * Whether every record before the partitions' ends was consumed: a partition is read once what was consumed
     * reaches its end, or when it holds nothing (its beginning is its end, also after the retention emptied it). Not
     * while no partition is assigned.
     *
     * @param bounds per partition, its beginning and end offsets
     */
    boolean consumedUpTo(Map<Integer, long[]> bounds) {
        return !bounds.isEmpty()
                && bounds.entrySet().stream()
                        .allMatch(partition ->
                                partition.getValue()[0] >= partition.getValue()[1]
                                        || consumed.getOrDefault(partition.getKey(), 0L)
                                                >= partition.getValue()[1]);
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
