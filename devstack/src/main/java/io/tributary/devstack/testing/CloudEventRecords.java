package io.tributary.devstack.testing;

import io.tributary.contract.Topics;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Writes an event as a plain Kafka record in CloudEvents binary mode, as any non-Tributary producer would: tests use
 * it to check that the services read the CloudEvents Kafka binding, not merely what our own connector writes.
 */
public final class CloudEventRecords {
    private CloudEventRecords() {}

    public static ProducerRecord<String, String> of(NormalizedEvent event) {
        return of(event, null);
    }

    /** @param traceparent a W3C trace context the record carries, as a traced producer would write it; or null */
    public static ProducerRecord<String, String> of(NormalizedEvent event, String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            header(headers, "traceparent", traceparent);
        }
        header(headers, "ce_specversion", "1.0");
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", event.source().toString());
        header(headers, "ce_type", event.type());
        header(headers, "ce_subject", event.subject());
        header(headers, "ce_time", event.time().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        header(headers, "content-type", "application/json");
        return new ProducerRecord<>(Topics.EVENTS, null, event.seriesKey(), Json.write(event.data()), headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
