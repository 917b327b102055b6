package io.tributary.orchestrator.dashboard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One record of a dashboard feed as the browser gets it: the CloudEvent attributes from the record's headers, and
 * its JSON body.
 *
 * @param at when the record was written to Kafka
 * @param source the CloudEvent source; for a dead letter, the ingest source that refused the input
 * @param type the CloudEvent type; for a dead letter, its reason
 * @param subject the CloudEvent subject (for a result, the series key); for a dead letter, its origin
 * @param time the CloudEvent time (an event's event time), as written
 * @param extensions further CloudEvent attributes (a result's run ids and window bounds)
 * @param data the record's JSON body; a body that is not JSON as a string, one larger than a feed carries as a note
 *     of its size
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedItem(
        FeedKind kind,
        Instant at,
        String id,
        String source,
        String type,
        String subject,
        String time,
        Map<String, String> extensions,
        JsonNode data) {

    /** Whether the item is of one of the kinds and its attributes contain the given texts (null: any). */
    boolean matches(FeedFilter filter) {
        return filter.kinds().contains(kind)
                && contains(source, filter.source())
                && contains(type, filter.type())
                && contains(subject, filter.subject());
    }

    private static boolean contains(String value, String wanted) {
        return wanted == null || wanted.isEmpty() || (value != null && value.contains(wanted));
    }
}
