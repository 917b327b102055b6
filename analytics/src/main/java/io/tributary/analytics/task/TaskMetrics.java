package io.tributary.analytics.task;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tributary.contract.task.TaskStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * What analytics measures of its work: how long each attempt ran (from its RUNNING report to its outcome) by task
 * type and terminal status, and how long a result took from the attempt's end to the broker's acknowledgement of
 * its record by task type, which also counts the results published. Histograms, so that Prometheus can compute
 * quantiles across replicas.
 */
@ApplicationScoped
public class TaskMetrics {
    public static final String EXECUTION = "tributary.task.execution.duration";
    public static final String RESULT_PUBLISH = "tributary.result.publish.latency";

    private final MeterRegistry registry;

    public TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void executed(String type, TaskStatus status, Duration took) {
        // Micrometer keeps one timer per name and tags: the builder finds it after the first attempt.
        Timer.builder(EXECUTION)
                .description("How long an attempt ran, from its RUNNING report to its outcome")
                .tag("type", type)
                .tag("status", status.name())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry)
                .record(took.isNegative() ? Duration.ZERO : took);
    }

    /** @param topic {@code shared} for tributary.results, {@code flow} for the flow's own topic */
    void published(String type, String topic, Duration sinceEnd) {
        Timer.builder(RESULT_PUBLISH)
                .description("From an attempt's end to the broker's acknowledgement of its result")
                .tag("type", type)
                .tag("topic", topic)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry)
                .record(sinceEnd.isNegative() ? Duration.ZERO : sinceEnd);
    }
}
