package io.tributary.analytics.window;

import java.time.Instant;
import java.util.Map;

/** One event's readings in a series window. */
public record Sample(String eventId, Instant time, Map<String, Double> metrics) {}
