package io.tributary.iot.metrics;

import static io.tributary.contract.metrics.MetricNames.EVENTS_DLQ;
import static io.tributary.contract.metrics.MetricNames.EVENTS_IN;
import static io.tributary.contract.metrics.MetricNames.EVENTS_OUT;
import static io.tributary.contract.metrics.MetricNames.REASON;
import static io.tributary.contract.metrics.MetricNames.SOURCE;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.contract.dlq.DeadLetterReason;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What ingest-iot counts, per subscription (tag {@code source}): messages in, events out, dead letters by reason,
 * and the lag from a reading's device time to its event's acknowledgement by Kafka. Micrometer meters, exposed on
 * {@code /q/metrics}; each is looked up once per subscription and kept, so a message costs a map read and an
 * increment, not a registry lookup.
 */
@ApplicationScoped
public class IntakeCounters {
    /** Timer: device time to Kafka acknowledgement of each event. */
    public static final String LAG = "tributary.iot.event.lag";

    private final MeterRegistry registry;
    private final Map<String, Counter> messagesIn = new ConcurrentHashMap<>();
    private final Map<String, Counter> eventsOut = new ConcurrentHashMap<>();
    private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    public IntakeCounters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void messageIn(String subscription) {
        messagesIn
                .computeIfAbsent(
                        subscription,
                        s -> Counter.builder(EVENTS_IN)
                                .description("MQTT messages received")
                                .tag(SOURCE, s)
                                .register(registry))
                .increment();
    }

    public void eventOut(String subscription, Duration lag) {
        eventsOut
                .computeIfAbsent(
                        subscription,
                        s -> Counter.builder(EVENTS_OUT)
                                .description("Events Kafka acknowledged")
                                .tag(SOURCE, s)
                                .register(registry))
                .increment();
        lags.computeIfAbsent(
                        subscription,
                        s -> Timer.builder(LAG)
                                .description("Device time of a reading to Kafka's acknowledgement of its event")
                                .tag(SOURCE, s)
                                .publishPercentileHistogram()
                                .minimumExpectedValue(Duration.ofMillis(1))
                                .maximumExpectedValue(Duration.ofHours(1))
                                .register(registry))
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    public void deadLetter(String subscription, DeadLetterReason reason) {
        deadLetters
                .computeIfAbsent(
                        subscription + "/" + reason,
                        key -> Counter.builder(EVENTS_DLQ)
                                .description("Dead letters Kafka acknowledged")
                                .tag(SOURCE, subscription)
                                .tag(REASON, reason.name())
                                .register(registry))
                .increment();
    }
}
