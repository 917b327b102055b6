package io.tributary.orchestrator.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tributary.contract.dlq.DeadLetterMessages;
import io.tributary.contract.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Reads a record of a dashboard topic as a {@link FeedItem}: the CloudEvent attributes from its {@code ce_*}
 * headers (binary content mode), the body as JSON; and an event's numeric metrics as values of its series.
 */
@ApplicationScoped
public class FeedRecords {
    /** Larger bodies are not carried to browsers: a feed shows what happens, the topics keep the whole records. */
    static final int MAX_BODY = 64 * 1024;

    private static final String CE = "ce_";
    /** Attributes every event has, or that say nothing to a reader: not listed among the extensions. */
    private static final Set<String> PLAIN =
            Set.of("ce_id", "ce_source", "ce_type", "ce_subject", "ce_time", "ce_specversion", "ce_datacontenttype");

    private final Feed feed;

    FeedRecords(Feed feed) {
        this.feed = feed;
    }

    void read(ConsumerRecord<String, byte[]> record) {
        FeedKind kind = FeedKind.ofTopic(record.topic());
        JsonNode data = body(record.value());
        Instant at = Instant.ofEpochMilli(record.timestamp());
        FeedItem item = switch (kind) {
            case DEAD_LETTER ->
                new FeedItem(
                        kind,
                        at,
                        record.partition() + "-" + record.offset(),
                        record.key(),
                        header(record, DeadLetterMessages.REASON_HEADER),
                        data.path("origin").asText(null),
                        null,
                        null,
                        data);
            case EVENT, RESULT ->
                new FeedItem(
                        kind,
                        at,
                        header(record, "ce_id"),
                        header(record, "ce_source"),
                        header(record, "ce_type"),
                        header(record, "ce_subject"),
                        header(record, "ce_time"),
                        extensions(record),
                        data);
        };
        if (kind == FeedKind.EVENT && record.key() != null) {
            values(record.key(), eventTime(item.time(), at), data.path("metrics"));
        }
        feed.publish(item, record.value() == null ? 0 : record.value().length);
    }

    private void values(String seriesKey, Instant at, JsonNode metrics) {
        for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> metric = it.next();
            if (metric.getValue().isNumber()) {
                feed.value(seriesKey, metric.getKey(), at, metric.getValue().doubleValue());
            }
        }
    }

    private static Instant eventTime(String time, Instant otherwise) {
        if (time == null) {
            return otherwise;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return otherwise;
        }
    }

    private static JsonNode body(byte[] value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (value.length > MAX_BODY) {
            return JsonNodeFactory.instance
                    .objectNode()
                    .put("omitted", value.length + " bytes, more than a feed shows");
        }
        try {
            return Json.MAPPER.readTree(value);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(new String(value, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
    }

    private static Map<String, String> extensions(ConsumerRecord<String, byte[]> record) {
        Map<String, String> extensions = new TreeMap<>();
        for (Header header : record.headers()) {
            if (header.key().startsWith(CE) && !PLAIN.contains(header.key()) && header.value() != null) {
                extensions.put(header.key().substring(CE.length()), new String(header.value(), StandardCharsets.UTF_8));
            }
        }
        return extensions.isEmpty() ? null : extensions;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
