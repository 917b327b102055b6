package io.tributary.stream.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Event times as producers write them: ISO-8601 with an offset, or epoch milliseconds (a number or its text). */
final class EventTimes {
    private EventTimes() {}

    static OffsetDateTime parse(JsonNode value, String reference) {
        String text = value.asText().trim();
        try {
            if (value.isIntegralNumber() || text.matches("-?\\d+")) {
                return Instant.ofEpochMilli(Long.parseLong(text)).atOffset(ZoneOffset.UTC);
            }
            return OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            throw new RejectedPayloadException(
                    DeadLetterReason.INVALID_FIELD,
                    "time " + reference + " is '" + text + "', not an ISO-8601 timestamp or epoch milliseconds");
        }
    }
}
