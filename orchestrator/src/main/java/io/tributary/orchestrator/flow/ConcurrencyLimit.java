package io.tributary.orchestrator.flow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * At most {@code limit} runs at a time (of one flow, or of all flows with one tag); what happens to a run that finds
 * every slot taken.
 */
@Schema(name = "ConcurrencyLimit")
public record ConcurrencyLimit(
        @NotNull @Min(1) @Max(100000) Integer limit,

        @Schema(
                description = "ENQUEUE (default): wait, AwaitingConcurrencySlot, started in arrival order when a slot"
                        + " frees; CANCEL_NEW: the new run is Cancelled")
        Collision collision) {

    public enum Collision {
        ENQUEUE,
        CANCEL_NEW
    }

    public Collision collisionOrDefault() {
        return collision == null ? Collision.ENQUEUE : collision;
    }
}
