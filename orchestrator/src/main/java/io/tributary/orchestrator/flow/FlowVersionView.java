package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.tributary.contract.json.Json;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One saved version of a flow. */
@Schema(name = "FlowVersion")
public record FlowVersionView(
        int version, Instant createdAt, @JsonUnwrapped FlowSpec spec) {
    public static FlowVersionView of(FlowVersion version) {
        return new FlowVersionView(version.version, version.createdAt, Json.read(version.spec, FlowSpec.class));
    }
}
