package io.tributary.devstack.bench;

import java.util.List;
import java.util.Locale;

/** The figures as text: one paragraph per phase as it ends, and the table of all phases against the baselines. */
final class BenchReport {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private BenchReport() {}

    static String phase(PhaseResult r) {
        RunTracker.PhaseStats s = r.stats();
        StringBuilder text = new StringBuilder();
        text.append(f(
                "%s: offered %s, published %d readings at %.0f/s; %d events on the bus, %d runs %s%s",
                r.name(),
                r.offered() > 0 ? r.offered() + "/s" : "as fast as possible",
                r.published().readings(),
                r.published().rate(),
                s.events(),
                s.runs(),
                s.byState(),
                r.allEnded() ? "" : " (not all ended within the bound)"));
        text.append(f(
                "%n  %.1f COMPLETED runs/s over %.1f s; event->task dispatched %s; event->RUNNING %s; event->result %s",
                r.completedPerSecond(),
                r.spanSeconds(),
                latency(s.toTask()),
                latency(s.toRunning()),
                latency(s.toResult())));
        r.usage().forEach((name, u) -> text.append(f("; %s %s", name, usage(u))));
        text.append(f("; machine %.0f%% busy (%d cores)", r.machineBusy(), CORES));
        return text.toString();
    }

    static String table(
            KafkaBaseline.Result kafka, double postgresRows, int postgresCount, List<PhaseResult> phases, String note) {
        StringBuilder text = new StringBuilder(f("%nBenchmark results (one machine of %d cores, one run)%n", CORES));
        text.append(f(
                "  baseline Kafka:      %,d records produced (acks=all, batched) and consumed: %,.0f records/s"
                        + " (produce alone %,.0f/s)%n",
                kafka.records(), kafka.endToEnd(), kafka.produce()));
        text.append(f(
                "  baseline PostgreSQL: %,d rows by multi-row INSERT (batches of 1,000): %,.0f rows/s%n%n",
                postgresCount, postgresRows));
        text.append(
                "| phase | offered/s | published/s | runs by final state | COMPLETED runs/s | event→RUNNING p50 / p99"
                        + " | event→result p50 / p99 | orchestrator CPU, peak RSS | analytics CPU, peak RSS | machine busy"
                        + " | vs Kafka | vs PostgreSQL |\n");
        text.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (PhaseResult r : phases) {
            RunTracker.PhaseStats s = r.stats();
            double rate = r.completedPerSecond();
            String runs = s.byState() + (r.allEnded() ? "" : " (bound reached)");
            String burst = r.offered() > 0 ? "" : f(", all ended after %.1f s", r.spanSeconds());
            text.append(f(
                    "| %s | %s | %.0f | %s%s | %.1f | %s | %s | %s | %s | %.0f%% | %.5f | %.5f |%n",
                    r.name(),
                    r.offered() > 0 ? Integer.toString(r.offered()) : "burst",
                    r.published().rate(),
                    runs,
                    r.allEnded() ? burst : "",
                    rate,
                    latency(s.toRunning()),
                    latency(s.toResult()),
                    usage(r.usage().get("orchestrator")),
                    usage(r.usage().get("analytics")),
                    r.machineBusy(),
                    rate / kafka.endToEnd(),
                    rate / postgresRows));
        }
        if (note != null) {
            text.append(note).append('\n');
        }
        return text.toString();
    }

    private static String latency(List<Long> millis) {
        if (millis.isEmpty()) {
            return "n/a";
        }
        return f(
                "%s / %s (n=%d)",
                seconds(PhaseResult.percentile(millis, 50)),
                seconds(PhaseResult.percentile(millis, 99)),
                millis.size());
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : f("%.1f s", millis / 1000.0);
    }

    private static String usage(ProcessSampler.Usage usage) {
        return usage == null ? "n/a" : f("%.0f%% CPU, %d MB", usage.cpuPercent(), usage.peakRssMb());
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
