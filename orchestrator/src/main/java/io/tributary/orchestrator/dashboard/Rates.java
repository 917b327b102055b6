package io.tributary.orchestrator.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per second for the sparklines, per named series ({@code events /iot/plant-sensors}, {@code runs FAILED},
 * ...), over a fixed number of seconds: a ring of counters per series, indexed by the epoch second. Written by the
 * feed's threads, read by requests; every method holds the lock, each for a few array steps.
 */
final class Rates {
    /**
     * Series counted {@linkplain #count(String, long, boolean) as capped} beyond this many are not: a source per device
     * would otherwise grow the map without bound.
     */
    static final int MAX_CAPPED = 200;

    private final int seconds;
    private final Map<String, Ring> series = new TreeMap<>();
    private int capped;

    Rates(int seconds) {
        this.seconds = seconds;
    }

    /**
     * @param cap whether the series is one of many whose names come from the data (events per source), and so counts
     *     towards {@link #MAX_CAPPED}; the platform's own series (dead letters, results, runs per state) always count
     */
    synchronized void count(String name, long epochSecond, boolean cap) {
        Ring ring = series.get(name);
        if (ring == null) {
            if (cap && capped >= MAX_CAPPED) {
                return;
            }
            capped += cap ? 1 : 0;
            ring = new Ring(seconds);
            series.put(name, ring);
        }
        ring.add(epochSecond);
    }

    /** Every series' counts for the seconds {@code (until - seconds, until]}, oldest first. */
    synchronized RateHistory history(long until) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        series.forEach((name, ring) -> counts.put(name, ring.window(until, seconds)));
        return new RateHistory(until - seconds + 1, counts);
    }

    /** Every series' count in one second. */
    synchronized Map<String, Long> at(long epochSecond) {
        Map<String, Long> counts = new LinkedHashMap<>();
        series.forEach((name, ring) -> counts.put(name, ring.at(epochSecond)));
        return counts;
    }

    /** One counter per second; a slot holds the count of the second it was last written for. */
    private static final class Ring {
        private final long[] secondOf;
        private final long[] count;

        Ring(int seconds) {
            secondOf = new long[seconds];
            count = new long[seconds];
        }

        void add(long second) {
            int slot = Math.floorMod(second, secondOf.length);
            if (secondOf[slot] != second) {
                if (secondOf[slot] > second) {
                    return; // older than the ring reaches
                }
                secondOf[slot] = second;
                count[slot] = 0;
            }
            count[slot]++;
        }

        long at(long second) {
            int slot = Math.floorMod(second, secondOf.length);
            return secondOf[slot] == second ? count[slot] : 0;
        }

        long[] window(long until, int seconds) {
            long[] window = new long[seconds];
            for (int i = 0; i < seconds; i++) {
                window[i] = at(until - seconds + 1 + i);
            }
            return window;
        }
    }

    /**
     * @param start the epoch second of each series' first count
     * @param series each series' counts, one per second from {@code start}
     */
    record RateHistory(long start, Map<String, long[]> series) {}
}
