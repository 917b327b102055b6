package io.tributary.analytics.bench;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.TestConfigs;
import io.tributary.analytics.analysis.WindowInput;
import io.tributary.analytics.anomaly.EwmaTask;
import io.tributary.analytics.anomaly.MadTask;
import io.tributary.analytics.anomaly.ZScoreTask;
import io.tributary.analytics.correlation.CorrelationTask;
import io.tributary.analytics.rate.RateOfChangeTask;
import io.tributary.analytics.resample.ResampleTask;
import io.tributary.analytics.stats.WindowStatsTask;
import io.tributary.analytics.task.AnalysisTask;
import io.tributary.analytics.threshold.ThresholdTask;
import io.tributary.analytics.trend.LinearTrendTask;
import io.tributary.analytics.window.SeriesWindows;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Window updates per second and task latency per task type at 10,000 series, on one thread, with a baseline measured
 * in the same run: the same samples appended to per-series arrays (the least any window can do). A program, not a
 * test: run it as the README says, with the production JIT. Arguments: [series] [points per series] [runs per type].
 */
public final class AnalyticsBench {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final URI SOURCE = URI.create("/bench");

    private AnalyticsBench() {}

    public static void main(String[] args) {
        int series = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int points = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        System.out.printf(
                "analytics bench: %,d series x %,d points, %,d runs per task type, Java %s, %d CPUs%n",
                series, points, runs, Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<NormalizedEvent> events = events(series, points);

        // Warm-up of both loops on their own state, then the measured runs on fresh state.
        rawLoop(events, series, points);
        events.forEach(new SeriesWindows(config())::add);
        double rawPerSecond = rawLoop(events, series, points);
        SeriesWindows windows = new SeriesWindows(config());
        long start = System.nanoTime();
        events.forEach(windows::add);
        double perSecond = events.size() / ((System.nanoTime() - start) / 1e9);
        System.out.printf(
                "%nwindow updates/s: %,.0f   raw loop baseline: %,.0f/s   ratio %.3f%n",
                perSecond, rawPerSecond, perSecond / rawPerSecond);

        System.out.printf("%n%-16s %12s %12s %12s%n", "task type", "p50 us", "p99 us", "tasks/s");
        WindowInput input = new WindowInput(windows, config());
        Random random = new Random(7);
        tasks(input).forEach((task, parameters) -> {
            long[] latencies = new long[runs];
            for (int warm = 0; warm < runs / 4; warm++) {
                execute(task, parameters, series, points, random);
            }
            long begin = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                latencies[i] = execute(task, parameters, series, points, random);
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            Arrays.sort(latencies);
            System.out.printf(
                    "%-16s %12.1f %12.1f %12.0f%n",
                    task.type(), latencies[runs / 2] / 1e3, latencies[(int) (runs * 0.99)] / 1e3, runs / seconds);
        });
        // The tasks' timeouts run on Mutiny's worker pool, whose threads would keep the JVM alive.
        Infrastructure.getDefaultWorkerPool().shutdownNow();
    }

    /** Points of each series one second apart, series interleaved as a partition delivers them. */
    private static List<NormalizedEvent> events(int series, int points) {
        NormalizedEvent[] events = new NormalizedEvent[series * points];
        Random random = new Random(42);
        for (int p = 0; p < points; p++) {
            for (int s = 0; s < series; s++) {
                events[p * series + s] = new NormalizedEvent(
                        "e" + s + "-" + p,
                        SOURCE,
                        EventTypes.MEASUREMENT,
                        "device-" + s,
                        T0.plusSeconds(p),
                        new EventData(
                                Map.of("v", random.nextGaussian() * 10 + 50, "w", random.nextDouble()),
                                Map.of(),
                                null));
            }
        }
        return Arrays.asList(events);
    }

    /** The same samples into one array of times and values per series: what a window costs at the very least. */
    private static double rawLoop(List<NormalizedEvent> events, int series, int points) {
        long[][] times = new long[series][points];
        double[][] values = new double[series][points];
        int[] sizes = new int[series];
        Map<String, Integer> index = new HashMap<>();
        long start = System.nanoTime();
        for (NormalizedEvent event : events) {
            int s = index.computeIfAbsent(event.seriesKey(), k -> index.size());
            times[s][sizes[s]] = event.time().toInstant().toEpochMilli();
            values[s][sizes[s]++] = event.data().metrics().get("v");
        }
        double perSecond = events.size() / ((System.nanoTime() - start) / 1e9);
        if (Arrays.stream(sizes).sum() != events.size()) {
            throw new IllegalStateException("raw loop lost samples");
        }
        return perSecond;
    }

    private static long execute(
            AnalysisTask task, Map<String, Object> parameters, int series, int points, Random random) {
        int s = random.nextInt(series);
        NormalizedEvent trigger = new NormalizedEvent(
                "e" + s + "-" + (points - 1),
                SOURCE,
                EventTypes.MEASUREMENT,
                "device-" + s,
                T0.plusSeconds(points - 1),
                new EventData(Map.of("v", 0.0, "w", 0.0), Map.of(), null));
        TaskMessage message = new TaskMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "bench",
                task.type(),
                parameters,
                new TaskInput(trigger.seriesKey(), List.of(trigger)),
                1,
                null,
                null,
                null);
        long start = System.nanoTime();
        Object result = task.execute(message).await().indefinitely();
        long latency = System.nanoTime() - start;
        if (result == null) {
            throw new IllegalStateException(task.type() + " gave no result");
        }
        return latency;
    }

    private static Map<AnalysisTask, Map<String, Object>> tasks(WindowInput input) {
        Map<AnalysisTask, Map<String, Object>> tasks = new LinkedHashMap<>();
        Map<String, Object> window = Map.of("metric", "v", "windowSeconds", 60);
        tasks.put(new WindowStatsTask(input), window);
        tasks.put(new ThresholdTask(input), Map.of("metric", "v", "windowSeconds", 60, "above", 60, "consecutive", 3));
        tasks.put(new ZScoreTask(input), window);
        tasks.put(new EwmaTask(input), window);
        tasks.put(new MadTask(input), window);
        tasks.put(new RateOfChangeTask(input), window);
        tasks.put(new LinearTrendTask(input), Map.of("metric", "v", "windowSeconds", 60, "horizonSeconds", 30));
        tasks.put(new CorrelationTask(input), Map.of("metric", "v", "otherMetric", "w", "windowSeconds", 60));
        tasks.put(new ResampleTask(input), Map.of("metric", "v", "windowSeconds", 60, "stepSeconds", 10));
        return tasks;
    }

    private static AnalyticsConfig config() {
        return TestConfigs.analytics(10_000, Duration.ofMinutes(5), Duration.ofHours(1));
    }
}
