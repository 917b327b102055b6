package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.TriggerSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A flow as its author writes it (over HTTP or in a file of the flows folder): its parameters, the triggers that
 * start runs, and the DAG of tasks each run executes.
 */
@Schema(
        name = "Flow",
        example = "{\"name\":\"boiler-temperature\",\"description\":\"Statistics of hot boilers\","
                + "\"parameters\":{\"window\":{\"type\":\"integer\",\"default\":60}},"
                + "\"triggers\":[{\"kind\":\"event\",\"type\":\"io.tributary.measurement.v1\",\"source\":\"/iot/*\","
                + "\"subject\":\"boiler-*\",\"filter\":\"event.data.metrics.temperature > 80\"}],"
                + "\"tasks\":[{\"name\":\"stats\",\"type\":\"window-stats\",\"parameters\":{\"metric\":"
                + "\"temperature\",\"windowSeconds\":\"{{ params.window }}\"},\"timeoutSeconds\":30,"
                + "\"retries\":{\"maxRetries\":2,\"delaySeconds\":1}}]}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowSpec(
        @NotBlank
        @Size(max = 200)
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.-]*", message = "letters, digits, '_', '.', '-'")
        @Schema(description = "Unique; the flow's address in the API (/flows/{name})")
        String name,

        @Size(max = 2000) String description,

        @Size(max = 20)
        @Schema(description = "Tags; a tag's concurrency limit (/concurrency-limits) counts its flows' runs")
        List<@NotBlank @Size(max = 100) String> tags,

        @Size(max = 50) @Schema(description = "By name; task parameters read them as `{{ params.<name> }}`")
        Map<
                        @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "a CEL identifier") String,
                        @NotNull @Valid ParameterSpec>
                parameters,

        @Size(max = 20)
        @Schema(description = "What starts runs besides a request to /flows/{name}/runs; none: only by hand")
        List<@NotNull @Valid TriggerSpec> triggers,

        @NotEmpty @Size(max = 50) List<@NotNull @Valid TaskSpec> tasks,

        @Positive @Schema(description = "The flow run's timeout, counted from when its first task starts running")
        Long timeoutSeconds,

        @Positive
        @Schema(description = "A run not started this long after it was triggered is marked Late (not failed)")
        Long startWithinSeconds,

        @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a valid Kafka topic name")
        @Schema(description = "A topic the results go to in addition to tributary.results")
        String resultTopic,

        @Valid @Schema(description = "At most this many runs of the flow at a time")
        ConcurrencyLimit concurrency) {

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public Map<String, ParameterSpec> parametersOrEmpty() {
        return parameters == null ? Map.of() : parameters;
    }

    /** Each parameter's JSON-schema type, by name: what its tasks' expressions can do with it. */
    public Map<String, String> parameterTypes() {
        Map<String, String> types = new LinkedHashMap<>();
        parametersOrEmpty()
                .forEach((name, parameter) -> types.put(name, parameter.type().json()));
        return types;
    }

    public List<TriggerSpec> triggersOrEmpty() {
        return triggers == null ? List.of() : triggers;
    }

    public Duration timeout() {
        return timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
    }

    public Duration startWithin() {
        return startWithinSeconds == null ? null : Duration.ofSeconds(startWithinSeconds);
    }
}
