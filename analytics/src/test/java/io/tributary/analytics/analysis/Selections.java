package io.tributary.analytics.analysis;

import io.tributary.analytics.window.Points;
import java.time.Instant;

/** Windows of test values, one point per second from T0 unless times are given. */
public final class Selections {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private Selections() {}

    public static Selection of(double... values) {
        long[] seconds = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            seconds[i] = i;
        }
        return at(seconds, values);
    }

    public static Selection at(long[] seconds, double[] values) {
        return withExcluded(seconds, values, 0);
    }

    public static Selection withExcluded(long[] seconds, double[] values, int excluded) {
        long[] millis = new long[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            millis[i] = T0.plusSeconds(seconds[i]).toEpochMilli();
        }
        Instant end = seconds.length == 0 ? T0 : T0.plusSeconds(seconds[seconds.length - 1]);
        return new Selection("v", T0.minusSeconds(1), end, new Points(millis, values, excluded), false);
    }
}
