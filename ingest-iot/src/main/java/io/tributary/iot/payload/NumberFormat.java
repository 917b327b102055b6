package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.util.Map;

/** A plain number such as {@code 21.4}: the metric is the topic's {@code {metric}} level, the time that of receipt. */
final class NumberFormat {
    private NumberFormat() {}

    static Reading decode(JsonNode number, Incoming incoming) {
        String metric = incoming.levels().get("metric");
        if (metric == null) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD,
                    "a plain number needs a {metric} level in the topic template '"
                            + incoming.subscription().topic() + "'");
        }
        double value = JsonPayloads.finite(number, metric);
        return new Reading(
                EventTypes.MEASUREMENT,
                incoming.device(),
                incoming.receivedAt(),
                Map.of(metric, value),
                incoming.topicAttributes(),
                Identities.unstamped(incoming, 0),
                null);
    }
}
