package io.tributary.devstack.bench;

import java.util.List;
import java.util.Map;

/**
 * One measured phase: what was offered and published, what the runs did, what the services used.
 *
 * @param offered readings per second offered (0 for the burst: as fast as possible)
 * @param startMillis wall time of the first publish
 * @param allEnded whether every reading's run ended within the phase's bound
 * @param machineBusy share of the machine's CPU time (all cores) that was busy, in percent
 */
record PhaseResult(
        String name,
        int offered,
        LoadPublisher.Published published,
        long startMillis,
        RunTracker.PhaseStats stats,
        Map<String, ProcessSampler.Usage> usage,
        double machineBusy,
        boolean allEnded) {

    /** From the first publish to the last run's end: how long the phase's work took. */
    double spanSeconds() {
        return stats.lastEndMillis() > startMillis ? (stats.lastEndMillis() - startMillis) / 1000.0 : Double.NaN;
    }

    /** COMPLETED runs per second over the span: the offered rate when the platform keeps up, its capacity if not. */
    double completedPerSecond() {
        double span = spanSeconds();
        return Double.isNaN(span) ? 0 : stats.completed() / span;
    }

    static long percentile(List<Long> values, double p) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
