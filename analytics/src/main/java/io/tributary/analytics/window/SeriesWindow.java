package io.tributary.analytics.window;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The recent samples of one series, ordered by event time (not arrival), each event once. Bounded by retention and
 * by a sample count (the newest are kept, and the window says how many it dropped). Event time drives it: an event
 * older than the newest one seen minus the allowed lateness is refused and counted. Synchronized: the window
 * consumer writes while task executors and the HTTP API read.
 */
final class SeriesWindow {
    private final TreeMap<Instant, List<Sample>> byTime = new TreeMap<>();
    private final Set<String> ids = new HashSet<>();
    private int size;
    private Instant newest;
    private long outOfOrder;
    private long tooLate;
    private long capped;
    private volatile long lastArrivalMillis;

    synchronized WindowAddition add(Sample sample, Duration retention, Duration lateness, int maxSamples) {
        lastArrivalMillis = System.currentTimeMillis();
        if (newest != null && sample.time().isBefore(newest.minus(lateness))) {
            tooLate++;
            return WindowAddition.TOO_LATE;
        }
        if (!ids.add(sample.eventId())) {
            return WindowAddition.DUPLICATE;
        }
        if (newest == null || sample.time().isAfter(newest)) {
            newest = sample.time();
        } else if (sample.time().isBefore(newest)) {
            outOfOrder++;
        }
        List<Sample> at = byTime.get(sample.time());
        if (at == null) {
            at = new ArrayList<>(1);
            byTime.put(sample.time(), at);
        }
        at.add(sample);
        size++;
        evict(newest.minus(retention), maxSamples);
        return WindowAddition.ADDED;
    }

    synchronized boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** Samples with event time between the bounds, oldest first. */
    synchronized List<Sample> between(Instant from, boolean fromInclusive, Instant to, boolean toInclusive) {
        return flatten(byTime.subMap(from, fromInclusive, to, toInclusive).values());
    }

    /** The newest samples with the metric and event time at or before {@code to}, newest first. */
    synchronized List<Sample> newestFirst(Instant to, String metric, int limit) {
        List<Sample> samples = new ArrayList<>();
        NavigableMap<Instant, List<Sample>> upTo = byTime.headMap(to, true).descendingMap();
        for (List<Sample> at : upTo.values()) {
            for (int i = at.size() - 1; i >= 0 && samples.size() < limit; i--) {
                if (at.get(i).metrics().containsKey(metric)) {
                    samples.add(at.get(i));
                }
            }
            if (samples.size() >= limit) {
                break;
            }
        }
        return samples;
    }

    synchronized WindowCounters counters() {
        return new WindowCounters(
                size,
                byTime.isEmpty() ? null : byTime.firstKey(),
                newest,
                outOfOrder,
                tooLate,
                capped,
                Instant.ofEpochMilli(lastArrivalMillis));
    }

    long lastArrivalMillis() {
        return lastArrivalMillis;
    }

    private void evict(Instant oldestKept, int maxSamples) {
        while (!byTime.isEmpty() && (size > maxSamples || byTime.firstKey().isBefore(oldestKept))) {
            boolean overCap = size > maxSamples;
            List<Sample> oldest = byTime.pollFirstEntry().getValue();
            oldest.forEach(s -> ids.remove(s.eventId()));
            size -= oldest.size();
            if (overCap) {
                capped += oldest.size();
            }
        }
    }

    private static List<Sample> flatten(Collection<List<Sample>> groups) {
        List<Sample> samples = new ArrayList<>();
        groups.forEach(samples::addAll);
        return samples;
    }
}
