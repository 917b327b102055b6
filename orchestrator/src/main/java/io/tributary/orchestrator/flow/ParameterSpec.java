package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A parameter of a flow. Runs started by a trigger take the defaults; a run started by hand may give other values,
 * which must have the declared type. A parameter without a default must be given by hand.
 */
@Schema(name = "FlowParameter", example = "{\"type\":\"number\",\"default\":80,\"description\":\"Alarm level\"}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParameterSpec(
        @NotNull @Schema(description = "string, number, integer, boolean, object or array")
        ParameterType type,

        @Size(max = 1000) String description,

        @JsonProperty("default") @Schema(name = "default", description = "The value when none is given")
        JsonNode defaultValue) {

    public boolean hasDefault() {
        return defaultValue != null && !defaultValue.isNull();
    }
}
