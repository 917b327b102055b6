package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.iot.subscription.SubscriptionConfig;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/** A JSON object: numeric fields are metrics, other fields attributes, the configured field the reading's time. */
final class JsonObjectFormat {
    private final JsonPayloads json;

    JsonObjectFormat(JsonPayloads json) {
        this.json = json;
    }

    Reading decode(ObjectNode payload, Incoming incoming) {
        SubscriptionConfig subscription = incoming.subscription();
        JsonPayloads.requireFinite(payload, "$");
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Object> attributes = incoming.topicAttributes();
        for (Map.Entry<String, JsonNode> field : payload.properties()) {
            if (field.getKey().equals(subscription.timeField())) {
                continue;
            }
            if (field.getValue().isNumber()) {
                metrics.put(field.getKey(), field.getValue().doubleValue());
            } else {
                attributes.put(field.getKey(), json.toAttribute(field.getValue()));
            }
        }
        if (metrics.isEmpty()) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_NUMERIC_VALUE, "no numeric reading in the payload's fields");
        }
        JsonNode stamp = payload.get(subscription.timeField());
        boolean stamped = stamp != null && !stamp.isNull();
        Instant time = stamped
                ? TimeWindow.check(
                        EventTimes.read(stamp, subscription.timeField(), subscription.timeFormat()), incoming)
                : incoming.receivedAt();
        String identity = stamped
                ? Identities.stamped("json", time.toString(), String.join(",", new TreeSet<>(metrics.keySet())))
                : Identities.unstamped(incoming, 0);
        return new Reading(
                EventTypes.MEASUREMENT,
                incoming.device(),
                time,
                metrics,
                attributes,
                identity,
                subscription.keepRaw() ? payload : null);
    }
}
