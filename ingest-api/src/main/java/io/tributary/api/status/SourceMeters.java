package io.tributary.api.status;

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
import io.quarkus.runtime.StartupEvent;
import io.tributary.api.source.Source;
import io.tributary.api.source.Sources;
import io.tributary.contract.dlq.DeadLetterReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Exposes each source's {@link SourceActivity} on {@code /q/metrics}: the counters {@code GET /sources} shows are
 * read at scrape time rather than counted a second time. Every dead-letter reason is registered up front, so a
 * reason's rate is 0 rather than absent before its first letter.
 */
@ApplicationScoped
public class SourceMeters {
    private final Sources sources;
    private final MeterRegistry registry;

    public SourceMeters(Sources sources, MeterRegistry registry) {
        this.sources = sources;
        this.registry = registry;
    }

    void register(@Observes StartupEvent started) {
        for (Source source : sources.all()) {
            SourceActivity activity = source.activity();
            FunctionCounter.builder(EVENTS_IN, activity, SourceActivity::received)
                    .description("Records or bodies received: published, seen before, or dead-lettered")
                    .tag(SOURCE, source.name())
                    .register(registry);
            FunctionCounter.builder(EVENTS_OUT, activity, SourceActivity::published)
                    .description("Events Kafka acknowledged")
                    .tag(SOURCE, source.name())
                    .register(registry);
            for (DeadLetterReason reason : DeadLetterReason.values()) {
                FunctionCounter.builder(EVENTS_DLQ, activity, a -> a.deadLetters(reason))
                        .description("Dead letters Kafka acknowledged")
                        .tag(SOURCE, source.name())
                        .tag(REASON, reason.name())
                        .register(registry);
            }
            Gauge.builder(SOURCE_UP, activity, a -> a.isFailing() ? 0 : 1)
                    .description("1 while the source is healthy (its last poll succeeded), else 0")
                    .tag(SOURCE, source.name())
                    .tag(KIND, "http")
                    .register(registry);
        }
    }
}
