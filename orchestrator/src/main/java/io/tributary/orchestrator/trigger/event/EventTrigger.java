package io.tributary.orchestrator.trigger.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.EventCriteria;
import io.tributary.orchestrator.trigger.TriggerSpec;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts a run for every event that matches; an absent attribute matches any value. */
@Schema(
        name = "EventTrigger",
        example = "{\"kind\":\"event\",\"type\":\"io.tributary.measurement.v1\",\"source\":\"/iot/*\","
                + "\"subject\":\"boiler-*\",\"filter\":\"event.data.metrics.temperature > 80\"}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventTrigger(
        @Schema(description = "CloudEvents type, exact") @Size(max = 200)
        String type,

        @Schema(description = "CloudEvents source; '*' matches any text") @Size(max = 1000)
        String source,

        @Schema(description = "CloudEvents subject; '*' matches any text") @Size(max = 1000)
        String subject,

        @Schema(
                description = "A CEL condition over `event` (id, source, type, subject, time, data); JSON numbers"
                        + " are doubles. Checked when the flow is saved.")
        @Size(max = 4000)
        String filter)
        implements TriggerSpec, EventCriteria {
    public static final String KIND = "event";
}
