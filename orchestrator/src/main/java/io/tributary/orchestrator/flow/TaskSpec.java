package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One task of a flow's DAG. */
@Schema(name = "TaskSpec")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskSpec(
        @NotBlank
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9_.-]+", message = "letters, digits, '_', '.', '-'")
        @Schema(description = "Unique within the flow; dependsOn refers to it")
        String name,

        @NotBlank @Size(max = 100) @Schema(description = "Task type an executor knows, e.g. window-stats")
        String type,

        @Schema(
                description = "As the task type declares them; a string that is wholly `{{ expr }}` is replaced by"
                        + " the value of that CEL expression over `params`, `event` and the upstream results"
                        + " `tasks.<name>` when the task is dispatched")
        Map<String, Object> parameters,

        @Schema(description = "Names of the tasks whose completion this one waits for")
        List<@NotBlank String> dependsOn,

        @Positive @Schema(description = "Each attempt's timeout, counted from when it starts running; default 60")
        Long timeoutSeconds,

        @Valid RetryPolicy retries) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public Map<String, Object> parametersOrEmpty() {
        return parameters == null ? Map.of() : parameters;
    }

    public List<String> dependencies() {
        return dependsOn == null ? List.of() : dependsOn;
    }

    public Duration timeout() {
        return timeoutSeconds == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(timeoutSeconds);
    }

    public RetryPolicy retryPolicy() {
        return retries == null ? RetryPolicy.NONE : retries;
    }
}
