package io.tributary.orchestrator.trigger.threshold;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.EventCriteria;
import io.tributary.orchestrator.trigger.TriggerSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Starts a run when at least {@code count} matching events arrive within {@code withinSeconds} of event time, per
 * group ({@code forEach}), once per window (Prefect's threshold / within / for_each).
 */
@Schema(
        name = "ThresholdTrigger",
        example = "{\"kind\":\"threshold\",\"type\":\"io.tributary.measurement.v1\",\"filter\":"
                + "\"event.data.metrics.temperature > 90\",\"count\":3,\"withinSeconds\":60,\"forEach\":\"subject\"}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ThresholdTrigger(
        @Schema(description = "CloudEvents type, exact") @Size(max = 200)
        String type,

        @Schema(description = "CloudEvents source; '*' matches any text") @Size(max = 1000)
        String source,

        @Schema(description = "CloudEvents subject; '*' matches any text") @Size(max = 1000)
        String subject,

        @Schema(description = "A CEL condition over `event`, as for event triggers") @Size(max = 4000)
        String filter,

        @NotNull @Positive @Schema(description = "Matching events needed in a window")
        Integer count,

        @NotNull
        @Positive
        @Max(31_536_000)
        @Schema(description = "The window, in seconds of event time, from its first event")
        Long withinSeconds,

        @PositiveOrZero
        @Max(3600)
        @Schema(
                description = "How far before its window, in seconds of event time, an event arriving out of order"
                        + " still counts in it (never when it fell in the window before); default 5")
        Long graceSeconds,

        @Schema(
                description = "What the events are counted per: `subject` (default), `source`, or a CEL expression"
                        + " over `event`")
        @Size(max = 4000)
        String forEach)
        implements TriggerSpec, EventCriteria {
    public static final String KIND = "threshold";
    static final long GRACE_SECONDS = 5;
}
