package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One decoded reading, ready to become an event.
 *
 * @param type the event type: measurement when it has metrics, record otherwise (a SenML string or boolean value)
 * @param identity what makes the reading the same reading when it is delivered again (see {@link Identities})
 * @param raw the JSON payload to carry in {@code data.raw}, or null
 */
public record Reading(
        String type,
        String device,
        Instant time,
        Map<String, Double> metrics,
        Map<String, Object> attributes,
        String identity,
        JsonNode raw) {}
