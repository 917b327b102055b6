package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.UUID;

/** A flow as the API shows it: its id and its definition as registered. */
public record FlowView(UUID id, @JsonUnwrapped FlowSpec spec, Instant createdAt) {
    public static FlowView of(FlowDefinition flow) {
        return new FlowView(flow.id(), flow.spec(), flow.createdAt());
    }
}
