package io.tributary.analytics.window;

import java.time.Instant;

/**
 * What one series' window holds and what it refused or dropped, for {@code GET /series}.
 *
 * @param samples events held now
 * @param oldest event time of the oldest held, null when empty
 * @param newest the newest event time seen: the allowed lateness counts back from it
 * @param outOfOrder events added although older than the newest (within the lateness)
 * @param tooLate events refused for being older than the newest minus the allowed lateness
 * @param capped events dropped, oldest first, because the series was over its sample cap
 * @param lastArrival when (wall clock) the series last received an event; idle series are evicted from it
 */
public record WindowCounters(
        int samples, Instant oldest, Instant newest, long outOfOrder, long tooLate, long capped, Instant lastArrival) {}
