package io.tributary.contract.metrics;

/**
 * Micrometer names of the metrics the services share (Prometheus shows {@code tributary.events.in} as
 * {@code tributary_events_in_total}). One place, because the Grafana dashboard and the tests query them by name
 * whichever service exposes them; docs/observability.md lists them with their tags.
 */
public final class MetricNames {
    /** Counter, tag {@code source}: messages or records an ingest service received. */
    public static final String EVENTS_IN = "tributary.events.in";
    /** Counter, tag {@code source}: events Kafka acknowledged on {@code tributary.events}. */
    public static final String EVENTS_OUT = "tributary.events.out";
    /** Counter, tags {@code source} and {@code reason}: dead letters Kafka acknowledged on the dead-letter topic. */
    public static final String EVENTS_DLQ = "tributary.events.dlq";
    /** Gauge, tags {@code source} and {@code kind}: 1 while the source is healthy, 0 while it is not. */
    public static final String SOURCE_UP = "tributary.source.up";
    /**
     * Gauge, tag {@link #STATE}: the orchestrator's flow runs whose current state is of that type, as last counted
     * (every state type, 0 when no run is in it).
     */
    public static final String RUNS_CURRENT = "tributary.runs.current";

    /** The configured source (ingest-api, ingest-stream) or subscription (ingest-iot) a metric is about. */
    public static final String SOURCE = "source";
    /** A dead letter's {@code DeadLetterReason}. */
    public static final String REASON = "reason";
    /** What a source reads: {@code mqtt}, {@code http}, or the stream connector's broker. */
    public static final String KIND = "kind";
    /** A run's state type ({@code StateType}'s name: {@code RUNNING}, {@code FAILED}, …). */
    public static final String STATE = "state";

    private MetricNames() {}
}
