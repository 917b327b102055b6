package io.tributary.stream.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A message that is already a CloudEvent: the attributes it keeps on our bus, and its data, mapped like a body.
 *
 * @param data the data as JSON when its content type is JSON, else as text (or a number, when the text is one)
 */
record CloudEvent(
        String id,
        String source,
        String type,
        Optional<String> subject,
        Optional<OffsetDateTime> time,
        JsonNode data) {}
