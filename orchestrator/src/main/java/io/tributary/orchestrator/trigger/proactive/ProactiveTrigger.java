package io.tributary.orchestrator.trigger.proactive;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.EventCriteria;
import io.tributary.orchestrator.trigger.TriggerSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Starts a run when a group that sent matching events sends none for {@code withinSeconds} (a device went
 * silent), once per silence; its next matching event watches it again.
 */
@Schema(
        name = "ProactiveTrigger",
        example = "{\"kind\":\"proactive\",\"type\":\"io.tributary.measurement.v1\",\"source\":\"/iot/*\","
                + "\"withinSeconds\":30,\"forEach\":\"subject\"}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProactiveTrigger(
        @Schema(description = "CloudEvents type, exact") @Size(max = 200)
        String type,

        @Schema(description = "CloudEvents source; '*' matches any text") @Size(max = 1000)
        String source,

        @Schema(description = "CloudEvents subject; '*' matches any text") @Size(max = 1000)
        String subject,

        @Schema(description = "A CEL condition over `event`, as for event triggers") @Size(max = 4000)
        String filter,

        @NotNull @Positive @Max(31_536_000) @Schema(description = "Silence, in seconds, after which a run starts")
        Long withinSeconds,

        @Schema(description = "What is watched: `subject` (default), `source`, or a CEL expression over `event`")
        @Size(max = 4000)
        String forEach)
        implements TriggerSpec, EventCriteria {
    public static final String KIND = "proactive";
}
