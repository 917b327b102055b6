package io.tributary.stream.status;

import static io.tributary.contract.metrics.MetricNames.EVENTS_DLQ;
import static io.tributary.contract.metrics.MetricNames.EVENTS_IN;
import static io.tributary.contract.metrics.MetricNames.EVENTS_OUT;
import static io.tributary.contract.metrics.MetricNames.KIND;
import static io.tributary.contract.metrics.MetricNames.REASON;
import static io.tributary.contract.metrics.MetricNames.SOURCE;
import static io.tributary.contract.metrics.MetricNames.SOURCE_UP;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.contract.dlq.DeadLetterReason;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Exposes a source's {@link SourceActivity} on {@code /q/metrics}: the counters {@code GET /sources} shows are read
 * at scrape time rather than counted a second time. Every dead-letter reason is registered up front, so a reason's
 * rate is 0 rather than absent before its first letter.
 */
@ApplicationScoped
public class SourceMeters {
    private static final String CONNECTOR_PREFIX = "smallrye-";

    private final MeterRegistry registry;

    public SourceMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    public void bind(SourceActivity activity) {
        String source = activity.name();
        FunctionCounter.builder(EVENTS_IN, activity, SourceActivity::messagesIn)
                .description("Messages received from the upstream broker")
                .tag(SOURCE, source)
                .register(registry);
        FunctionCounter.builder(EVENTS_OUT, activity, SourceActivity::eventsOut)
                .description("Events Kafka acknowledged")
                .tag(SOURCE, source)
                .register(registry);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            FunctionCounter.builder(EVENTS_DLQ, activity, a -> a.deadLetters(reason))
                    .description("Dead letters Kafka acknowledged")
                    .tag(SOURCE, source)
                    .tag(REASON, reason.name())
                    .register(registry);
        }
        String connector = activity.connector();
        Gauge.builder(SOURCE_UP, activity, a -> a.isFailed() ? 0 : 1)
                .description("1 while the source's channel runs, 0 once its connector gave up")
                .tag(SOURCE, source)
                .tag(
                        KIND,
                        connector.startsWith(CONNECTOR_PREFIX)
                                ? connector.substring(CONNECTOR_PREFIX.length())
                                : connector)
                .register(registry);
    }
}
