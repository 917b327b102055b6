package io.tributary.orchestrator.trigger.pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.EventCriteria;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One part of a compound or sequence trigger: which events match it, and how many it needs. */
@Schema(
        name = "EventCondition",
        example = "{\"type\":\"io.tributary.measurement.v1\",\"subject\":\"boiler-*\","
                + "\"filter\":\"event.data.metrics.pressure > 8\",\"count\":2}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventCondition(
        @Schema(description = "CloudEvents type, exact") @Size(max = 200)
        String type,

        @Schema(description = "CloudEvents source; '*' matches any text") @Size(max = 1000)
        String source,

        @Schema(description = "CloudEvents subject; '*' matches any text") @Size(max = 1000)
        String subject,

        @Schema(description = "A CEL condition over `event`, as for event triggers") @Size(max = 4000)
        String filter,

        @Positive
        @Max(100)
        @Schema(description = "Matching events it needs (default 1), like a threshold's count", example = "1")
        Integer count)
        implements EventCriteria {

    public int countOrOne() {
        return count == null ? 1 : count;
    }
}
