package io.tributary.orchestrator.flow;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A flow to register: the event trigger that starts it and the task each run executes. */
@Schema(
        name = "FlowRequest",
        example = "{\"name\":\"boiler-temperature\",\"trigger\":{\"type\":\"io.tributary.measurement.v1\","
                + "\"source\":\"/iot/*\",\"subject\":\"boiler-*\"},\"task\":{\"type\":\"window-stats\","
                + "\"parameters\":{\"metric\":\"temperature\",\"windowSeconds\":60},\"timeoutSeconds\":30}}")
public record FlowRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Valid Trigger trigger,
        @NotNull @Valid Task task,

        @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}", message = "must be a valid Kafka topic name")
        @Schema(description = "A topic the results go to in addition to tributary.results")
        String resultTopic) {

    @Schema(name = "EventTrigger", description = "Matches events; an absent attribute matches any value")
    public record Trigger(
            @Schema(description = "CloudEvents type, exact") @Size(max = 200)
            String type,

            @Schema(description = "CloudEvents source; '*' matches any text") @Size(max = 1000)
            String source,

            @Schema(description = "CloudEvents subject; '*' matches any text") @Size(max = 1000)
            String subject) {}

    @Schema(name = "TaskSpec")
    public record Task(
            @NotBlank @Size(max = 100) @Schema(description = "Task type an executor knows, e.g. window-stats")
            String type,

            Map<String, Object> parameters,

            @Positive @Schema(description = "Deadline of each task run; default 60")
            Long timeoutSeconds) {}
}
