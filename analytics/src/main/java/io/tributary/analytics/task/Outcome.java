package io.tributary.analytics.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.task.TaskStatus;
import java.time.Duration;

/** How an attempt ended: its one terminal status, with the result (COMPLETED) or the reason (any other). */
record Outcome(TaskStatus status, JsonNode result, String reason) {
    static Outcome completed(JsonNode result) {
        return new Outcome(TaskStatus.COMPLETED, result, null);
    }

    static Outcome failed(String reason) {
        return new Outcome(TaskStatus.FAILED, null, reason);
    }

    static Outcome timedOut(Duration timeout) {
        return new Outcome(TaskStatus.TIMED_OUT, null, "the attempt ran longer than its timeout of " + timeout);
    }

    static Outcome cancelled(String reason) {
        return new Outcome(TaskStatus.CANCELLED, null, reason);
    }
}
