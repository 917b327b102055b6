package io.tributary.orchestrator.trigger.compound;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.TriggerSpec;
import io.tributary.orchestrator.trigger.pattern.EventCondition;
import io.tributary.orchestrator.trigger.pattern.PatternSpec;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Starts a run when {@code all}, {@code any} or at least k of its parts have matched within {@code withinSeconds}
 * of event time, per group ({@code forEach}), once per firing; the group then starts over (Prefect's compound
 * trigger).
 */
@Schema(
        name = "CompoundTrigger",
        example = "{\"kind\":\"compound\",\"require\":\"all\",\"withinSeconds\":300,\"forEach\":\"subject\","
                + "\"triggers\":[{\"type\":\"io.tributary.measurement.v1\",\"filter\":"
                + "\"event.data.metrics.temperature > 90\"},{\"type\":\"io.tributary.measurement.v1\","
                + "\"filter\":\"event.data.metrics.pressure > 8\",\"count\":2}]}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompoundTrigger(
        @NotNull Require require,

        @NotEmpty @Size(max = 10) @Schema(description = "The parts; an event matching several counts for each")
        List<@NotNull @Valid EventCondition> triggers,

        @NotNull
        @Positive
        @Max(31_536_000)
        @Schema(description = "The window, in seconds of event time, within which the parts must match")
        Long withinSeconds,

        @PositiveOrZero
        @Max(3600)
        @Schema(
                description = "How far out of order, in seconds of event time, an event may arrive and still count;"
                        + " default 5")
        Long graceSeconds,

        @Schema(
                description = "What the parts are matched per: `subject` (default), `source`, or a CEL expression"
                        + " over `event`")
        @Size(max = 4000)
        String forEach)
        implements TriggerSpec, PatternSpec {
    public static final String KIND = "compound";

    @Override
    public List<EventCondition> parts() {
        return triggers;
    }

    @Override
    public String partsField() {
        return "triggers";
    }
}
