package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.contract.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A flow as the API shows it: its id, version and origin, and its definition as saved. */
@Schema(name = "FlowView")
public record FlowView(
        UUID id,

        @Schema(description = "From 1; a change to the definition adds one")
        int version,

        @Schema(description = "'api', or 'file:<name>' for a flow loaded from the flows folder")
        String origin,

        @JsonUnwrapped FlowSpec spec,
        Instant createdAt,
        @Schema(description = "When this version was saved") Instant updatedAt) {

    public static FlowView of(Flow flow) {
        return new FlowView(
                flow.id,
                flow.version,
                flow.origin,
                Json.read(flow.spec, FlowSpec.class),
                flow.createdAt,
                flow.updatedAt);
    }
}
