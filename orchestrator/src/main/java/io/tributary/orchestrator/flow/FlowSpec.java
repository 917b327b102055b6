package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A flow as its author writes it: the trigger that starts a run and the DAG of tasks each run executes. */
@Schema(
        name = "Flow",
        example = "{\"name\":\"boiler-temperature\",\"trigger\":{\"type\":\"io.tributary.measurement.v1\","
                + "\"source\":\"/iot/*\",\"subject\":\"boiler-*\"},\"tasks\":[{\"name\":\"stats\",\"type\":"
                + "\"window-stats\",\"parameters\":{\"metric\":\"temperature\",\"windowSeconds\":60},"
                + "\"timeoutSeconds\":30,\"retries\":{\"maxRetries\":2,\"delaySeconds\":1}}]}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowSpec(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Trigger trigger,
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
        ConcurrencyLimit concurrency,

        @Size(max = 20)
        @Schema(description = "Tags; a tag's concurrency limit (/concurrency-limits) counts its flows' runs")
        List<@NotBlank @Size(max = 100) String> tags) {

    @Schema(name = "EventTrigger", description = "Matches events; an absent attribute matches any value")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Trigger(
            @Schema(description = "CloudEvents type, exact") @Size(max = 200)
            String type,

            @Schema(description = "CloudEvents source; '*' matches any text") @Size(max = 1000)
            String source,

            @Schema(description = "CloudEvents subject; '*' matches any text") @Size(max = 1000)
            String subject) {}

    public List<String> tagsOrEmpty() {
        return tags == null ? List.of() : tags;
    }

    public Duration timeout() {
        return timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds);
    }

    public Duration startWithin() {
        return startWithinSeconds == null ? null : Duration.ofSeconds(startWithinSeconds);
    }
}
