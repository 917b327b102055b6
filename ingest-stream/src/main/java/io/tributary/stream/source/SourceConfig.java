package io.tributary.stream.source;

import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How the messages of one source become events. A <em>reference</em> names where a value comes from: a JSON Pointer
 * into the body ({@code /order/id}), a header ({@code header:<name>}: Kafka header, AMQP header, Pulsar property),
 * or a property of the message at its broker ({@code property:<name>}: {@code key}, {@code topic}, {@code offset},
 * {@code message-id}, {@code routing-key}, ...). A list of references takes the first one present.
 */
public interface SourceConfig {
    /** URI reference of this source, the CloudEvents {@code source} of its events, e.g. {@code /stream/orders}; required. */
    String source();

    /** The body's format: {@code json} (an object) or {@code text} (a number becomes metric {@code value}, other text attribute {@code text}). */
    @WithDefault("json")
    PayloadFormat format();

    /** References to the entity the event is about (the CloudEvents {@code subject}); none present: dead-lettered. */
    @WithDefault("/id,property:key")
    List<String> subject();

    /**
     * References to the producer's id of the message. Present: the event id derives from it (and the subject), so
     * the same message published twice is one event; absent: from the delivery (offset, message id, content hash).
     */
    Optional<List<String>> id();

    /** References to the event time (ISO-8601 text or epoch milliseconds); absent: the broker's time, else receipt. */
    Optional<List<String>> time();

    /** Metrics by name, each from a reference (a number, or text holding one); empty: every top-level number. */
    Map<String, String> metrics();

    /** Attributes by name, each from a reference; empty: every top-level field that is not a number. */
    Map<String, String> attributes();

    /** Whether messages that are CloudEvents (binary or structured mode) keep their own id, source, subject and time. */
    @WithDefault("true")
    boolean cloudEvents();

    /** Whether the original JSON body travels along in the event's {@code data.raw}. */
    @WithDefault("false")
    boolean keepRaw();
}
