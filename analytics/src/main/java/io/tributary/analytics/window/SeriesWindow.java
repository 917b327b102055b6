package io.tributary.analytics.window;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The recent samples of one series, ordered by event time (not arrival), each event once. Bounded by retention and
 * by a sample count. Synchronized: the window consumer writes while task executors read.
 */
final class SeriesWindow {
    private final TreeMap<Instant, List<Sample>> byTime = new TreeMap<>();
    private final Set<String> ids = new HashSet<>();
    private int size;

    synchronized boolean add(Sample sample, Instant oldestKept, int maxSamples) {
        if (!ids.add(sample.eventId())) {
            return false;
        }
        byTime.computeIfAbsent(sample.time(), t -> new ArrayList<>(1)).add(sample);
        size++;
        evict(oldestKept, maxSamples);
        return true;
    }

    synchronized boolean contains(String eventId) {
        return ids.contains(eventId);
    }

    /** Samples with event time in (from, to]. */
    synchronized List<Sample> between(Instant from, Instant to) {
        List<Sample> samples = new ArrayList<>();
        byTime.subMap(from, false, to, true).values().forEach(samples::addAll);
        return samples;
    }

    synchronized int size() {
        return size;
    }

    private void evict(Instant oldestKept, int maxSamples) {
        while (!byTime.isEmpty() && (size > maxSamples || byTime.firstKey().isBefore(oldestKept))) {
            List<Sample> oldest = byTime.pollFirstEntry().getValue();
            oldest.forEach(s -> ids.remove(s.eventId()));
            size -= oldest.size();
        }
    }
}
