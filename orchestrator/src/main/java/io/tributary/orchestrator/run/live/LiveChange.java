package io.tributary.orchestrator.run.live;

import io.tributary.contract.run.RunChange;

/**
 * A state change read from {@code tributary.runs}, where it was read, and how far the reader had got with it.
 *
 * @param after the reader's positions once this record was read: the SSE id that resumes right after it
 */
public record LiveChange(RunChange change, int partition, long offset, Positions after) {
    LiveChange at(Positions positions) {
        return new LiveChange(change, partition, offset, positions);
    }
}
