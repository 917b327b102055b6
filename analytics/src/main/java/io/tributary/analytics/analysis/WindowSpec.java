package io.tributary.analytics.analysis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which part of a series a task computes on, from its parameters, on event time:
 *
 * <ul>
 *   <li>{@code last} (default): the last {@code windowSeconds} up to the triggering event, (t − size, t], or its last
 *       {@code windowPoints} samples with the metric up to it;
 *   <li>{@code tumbling}: the last complete window of {@code windowSeconds} aligned on the epoch before the trigger,
 *       [end − size, end) with end = t rounded down to a multiple of the size;
 *   <li>{@code sliding}: the same with windows that start every {@code slideSeconds} (hopping windows).
 * </ul>
 *
 * Complete windows only: what a task sees then no longer depends on how far the window consumer has read past the
 * trigger, so a result is the same whenever (and after however many restarts) it is computed.
 *
 * @param size null for "last n points"
 * @param slide the hop between window starts; equals the size for tumbling, null for last
 * @param points the number of points for "last n points", else 0
 */
public record WindowSpec(String kind, Duration size, Duration slide, int points) {
    public static final String LAST = "last";
    public static final String TUMBLING = "tumbling";
    public static final String SLIDING = "sliding";

    /** Adds the window's parameters to a task type's schema. */
    public static ParameterSchema describe(ParameterSchema schema, Duration retention, int maxPoints) {
        double maxSeconds = retention.toSeconds();
        return schema.choice(
                        "window",
                        "last (default): up to the triggering event; tumbling or sliding: the last complete window"
                                + " aligned on the epoch before it",
                        LAST,
                        TUMBLING,
                        SLIDING)
                .positive("windowSeconds", "Window length in seconds of event time", maxSeconds)
                .integer("windowPoints", "With window last: the last n samples with the metric instead", 1, maxPoints)
                .positive("slideSeconds", "With window sliding: seconds between window starts", maxSeconds)
                .exactlyOne("windowSeconds", "windowPoints");
    }

    public static WindowSpec from(TaskParameters parameters, Duration retention, int maxPoints) {
        String kind = parameters.oneOf("window", List.of(LAST, TUMBLING, SLIDING), LAST);
        if (parameters.has("windowPoints")) {
            if (!LAST.equals(kind) || parameters.has("windowSeconds")) {
                throw TaskParameters.invalid("windowPoints", "goes only with window 'last' and without windowSeconds");
            }
            return new WindowSpec(LAST, null, null, parameters.integer("windowPoints", 1, maxPoints, 1));
        }
        Duration size = seconds(parameters, "windowSeconds", retention);
        if (parameters.has("slideSeconds") && !SLIDING.equals(kind)) {
            throw TaskParameters.invalid("slideSeconds", "goes only with window 'sliding'");
        }
        if (SLIDING.equals(kind)) {
            Duration slide = seconds(parameters, "slideSeconds", size);
            return new WindowSpec(kind, size, slide, 0);
        }
        return new WindowSpec(kind, size, TUMBLING.equals(kind) ? size : null, 0);
    }

    public boolean byPoints() {
        return size == null;
    }

    /** The window's start for a trigger at {@code t}: exclusive for last, inclusive for tumbling and sliding. */
    public Instant start(Instant t) {
        return LAST.equals(kind) ? t.minus(size) : end(t).minus(size);
    }

    /** The window's end: t itself (inclusive) for last, else the aligned end before it (exclusive). */
    public Instant end(Instant t) {
        if (LAST.equals(kind)) {
            return t;
        }
        long slideMillis = slide.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), slideMillis) * slideMillis);
    }

    /** Whether the start belongs to the window (and then the end does not). */
    public boolean alignedBuckets() {
        return !LAST.equals(kind);
    }

    private static Duration seconds(TaskParameters parameters, String name, Duration max) {
        double seconds = parameters.number(name, 0, true, max.toSeconds());
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
