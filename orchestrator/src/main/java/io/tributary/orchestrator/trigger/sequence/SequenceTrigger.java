package io.tributary.orchestrator.trigger.sequence;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.TriggerSpec;
import io.tributary.orchestrator.trigger.pattern.EventCondition;
import io.tributary.orchestrator.trigger.pattern.PatternSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Starts a run when its steps match one after the other in event time, all within {@code withinSeconds} of the
 * first, per group ({@code forEach}), once per completed sequence; the group then starts over.
 */
@Schema(
        name = "SequenceTrigger",
        example = "{\"kind\":\"sequence\",\"withinSeconds\":600,\"graceSeconds\":5,\"forEach\":\"subject\","
                + "\"steps\":[{\"type\":\"io.tributary.record.v1\",\"filter\":\"event.data.attributes.state =="
                + " 'door-open'\"},{\"type\":\"io.tributary.measurement.v1\",\"filter\":"
                + "\"event.data.metrics.temperature > 8\",\"count\":3}]}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceTrigger(
        @NotNull
        @Size(min = 2, max = 10)
        @Schema(description = "The steps, in the order their events must come (event time)")
        List<@NotNull @Valid EventCondition> steps,

        @NotNull
        @Positive
        @Max(31_536_000)
        @Schema(description = "Seconds of event time from the first step's event to the last step's")
        Long withinSeconds,

        @PositiveOrZero
        @Max(3600)
        @Schema(
                description = "How far out of order, in seconds of event time, an event may arrive and still count"
                        + " where it belongs; default 5")
        Long graceSeconds,

        @Schema(
                description = "What the steps are followed per: `subject` (default), `source`, or a CEL expression"
                        + " over `event`")
        @Size(max = 4000)
        String forEach)
        implements TriggerSpec, PatternSpec {
    public static final String KIND = "sequence";

    @Override
    public List<EventCondition> parts() {
        return steps;
    }

    @Override
    public String partsField() {
        return "steps";
    }
}
