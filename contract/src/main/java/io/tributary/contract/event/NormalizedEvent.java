package io.tributary.contract.event;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event on {@code tributary.events}: the CloudEvents attributes the contract requires and its data.
 *
 * @param id unique, and deterministic where the source gives an identity (see {@link #deterministicId})
 * @param source URI reference of the ingest source, e.g. {@code /iot/plant-sensors}
 * @param type {@link EventTypes#MEASUREMENT} or {@link EventTypes#RECORD}
 * @param subject the entity the event is about (device id, ticker, order id)
 * @param time event time from the payload when it has one, else the time of receipt
 */
public record NormalizedEvent(String id, URI source, String type, String subject, OffsetDateTime time, EventData data) {

    /** The Kafka key: one series stays ordered and on one partition. */
    public String seriesKey() {
        return seriesKey(source.toString(), subject);
    }

    public static String seriesKey(String source, String subject) {
        return source + "|" + subject;
    }

    /**
     * A name-based UUID over the source, the subject and the source's own identity of the input, so that the same
     * input read twice (a redelivery, a re-poll) yields the same id and downstream consumers can drop the copy.
     */
    public static String deterministicId(String source, String subject, String identity) {
        String name = source + "\n" + subject + "\n" + identity;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
