package io.tributary.devstack.bench;

import io.tributary.devstack.demo.DemoFlow;
import io.tributary.devstack.demo.WeatherFeed;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.ManagedProcess;
import io.tributary.devstack.infra.PipelinedMqttPublisher;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.infra.TemporaryDirectory;
import io.tributary.devstack.stack.ServiceProcess;
import io.tributary.devstack.stack.Stack;
import io.tributary.devstack.stack.StackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Throughput and latency of the whole platform on one machine, against baselines measured in the same run on the
 * same machine: raw Kafka produce+consume and PostgreSQL multi-row inserts. A program that prints figures, not a
 * test: {@code ./bench.sh [options]} (see {@link BenchOptions}). It starts its own stack on free ports, the services
 * with their production JVM settings, registers the demo flow (one run per reading), and then:
 *
 * <ol>
 *   <li>a warm-up (not measured), then offered-load steps: readings at a fixed rate from {@code --devices} devices
 *       (series) for {@code --seconds} each; after each step it waits (bounded) until that step's runs ended;
 *   <li>a burst: {@code --burst} readings published as fast as a pipelined QoS 1 publisher goes, and the time until
 *       all their runs ended;
 *   <li>per phase: runs by final state, COMPLETED runs/s, p50/p99 latency from event to RUNNING and from event to
 *       result, CPU and peak RSS of orchestrator and analytics; then a table with ratios to the baselines.
 * </ol>
 *
 * <p><b>How runs are tied to readings.</b> Each phase has its own devices ({@code s250-d017}), so a run's series
 * key names its phase. A reading's {@code ts} is the instant it was published, which ingest-iot makes the event's
 * time. The task message on {@code tributary.tasks} carries both the run id and its triggering event; that gives
 * each run its phase and event time without asking the orchestrator's API anything during the measurement (which
 * would add load). RUNNING is the run's own state change on {@code tributary.runs}; the result is matched to the
 * run by its {@code flowrunid} extension on {@code tributary.results}. All times come from one clock (one machine).
 * See {@link RunTracker}.
 *
 * <p>The whole run is bounded ({@code --limit-minutes}): past the bound, remaining phases are skipped and the table
 * is printed; a watchdog ends the program if a phase fails to stop.
 */
public final class Bench {
    static {
        StackLogging.configure(); // before the first logger, which the field below creates
    }

    private static final Logger LOG = Logger.getLogger("tributary.bench");
    private static final Duration WATCHDOG_GRACE = Duration.ofMinutes(3);
    private static final int WARMUP_RATE = 100;

    private final BenchOptions options;
    private final Instant deadline;
    private final Stack stack;
    private final RunTracker tracker;
    private final LoadPublisher load;

    private Bench(BenchOptions options, Instant deadline, Stack stack, RunTracker tracker, LoadPublisher load) {
        this.options = options;
        this.deadline = deadline;
        this.stack = stack;
        this.tracker = tracker;
        this.load = load;
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            LOG.error(e.getMessage());
            System.exit(2);
            return;
        }
        Instant deadline = Instant.now().plus(options.limit());
        LOG.infof("Benchmark: %s; bounded to %d min", options, options.limit().toMinutes());
        StackPorts ports = StackPorts.free();
        // Closed in reverse: the stack stops before its data directory is deleted.
        try (TemporaryDirectory dataDir = new TemporaryDirectory("tributary-bench");
                JsonHttpServer api = new JsonHttpServer(ports.demoApi(), WeatherFeed.PATH, () -> "{\"readings\":[]}");
                Stack stack = Stack.start(
                        Path.of(System.getProperty("tributary.root", ".")), dataDir.path(), ports, false, Map.of())) {
            startWatchdog(deadline);
            // On Ctrl-C too, nothing stays behind: the stack stops, then its data is deleted.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stack.close();
                dataDir.close();
            }));
            DemoFlow.register(stack.orchestratorUrl(), stack.apiKey());
            LOG.info("Stack up; services run with their production JVM settings (full JIT, -Xmx256m, serial GC)");

            KafkaBaseline.Result kafka = KafkaBaseline.run(stack.kafkaBootstrapServers(), options.kafkaRecords());
            LOG.infof(
                    "Baseline Kafka: %d records produced and consumed: %.0f records/s (produce alone %.0f/s)",
                    kafka.records(), kafka.endToEnd(), kafka.produce());
            double postgres = PostgresBaseline.run(stack.postgresJdbcUrl(), options.postgresRows());
            LOG.infof(
                    "Baseline PostgreSQL: %d rows by multi-row INSERT: %.0f rows/s", options.postgresRows(), postgres);

            List<PhaseResult> results = new ArrayList<>();
            String note;
            try (RunTracker tracker = new RunTracker(stack.kafkaBootstrapServers());
                    PipelinedMqttPublisher mqtt = new PipelinedMqttPublisher(
                            "127.0.0.1", stack.mqttPort(), "bench-devices", options.inFlight())) {
                Bench bench = new Bench(options, deadline, stack, tracker, new LoadPublisher(mqtt, options.devices()));
                note = bench.runPhases(results);
            }
            LOG.info(BenchReport.table(kafka, postgres, options.postgresRows(), results, note));
        }
    }

    /** Runs the phases in order, adding each result; returns a note on phases skipped, or null. */
    private String runPhases(List<PhaseResult> results) {
        awaitIngest();
        if (options.warmup() > 0) {
            PhaseResult warmup = paced("warmup", WARMUP_RATE, Duration.ofSeconds(Math.max(1, options.warmup() / 100)));
            LOG.infof("Warm-up done (not in the table): %s", BenchReport.phase(warmup));
        }
        for (int rate : options.steps()) {
            if (Instant.now().isAfter(deadline)) {
                return "Time bound reached: steps from " + rate + "/s on and the burst were skipped.";
            }
            PhaseResult step = paced("s" + rate, rate, options.seconds());
            results.add(step);
            LOG.info(BenchReport.phase(step));
        }
        if (options.burst() > 0) {
            if (Instant.now().isAfter(deadline)) {
                return "Time bound reached: the burst was skipped.";
            }
            PhaseResult burst = burst("burst", options.burst());
            results.add(burst);
            LOG.info(BenchReport.phase(burst));
        }
        return null;
    }

    private PhaseResult paced(String phase, int rate, Duration duration) {
        LOG.infof("%s: %d readings/s from %d devices for %d s", phase, rate, options.devices(), duration.toSeconds());
        return measure(phase, rate, options.drain(), () -> load.paced(phase, rate, duration, deadline));
    }

    private PhaseResult burst(String phase, int readings) {
        LOG.infof("%s: %d readings from %d devices as fast as possible", phase, readings, options.devices());
        return measure(phase, 0, options.burstWait(), () -> load.burst(phase, readings, deadline));
    }

    private PhaseResult measure(
            String phase, int offered, Duration wait, Supplier<LoadPublisher.Published> publishing) {
        tracker.phase(phase);
        try (ProcessSampler sampler = new ProcessSampler(pids("orchestrator", "analytics"))) {
            long start = System.currentTimeMillis();
            tracker.hold();
            LoadPublisher.Published published;
            try {
                published = publishing.get();
                if (!load.flush()) {
                    LOG.warnf("%s: the MQTT broker did not acknowledge every reading in time", phase);
                }
            } finally {
                tracker.release();
            }
            Instant until = earliest(Instant.now().plus(wait), deadline);
            Instant nextProgress = Instant.now().plusSeconds(10);
            boolean allEnded;
            while (!(allEnded = tracker.allEnded(phase, published.readings()))
                    && Instant.now().isBefore(until)) {
                if (Instant.now().isAfter(nextProgress)) {
                    RunTracker.PhaseStats stats = tracker.stats(phase);
                    LOG.infof(
                            "%s: %d readings, %d events, %d runs, %d ended",
                            phase, published.readings(), stats.events(), stats.runs(), stats.ended());
                    nextProgress = nextProgress.plusSeconds(10);
                }
                ManagedProcess.pause();
            }
            if (options.runsCsv() != null) {
                writeRuns(phase);
            }
            return new PhaseResult(
                    phase,
                    offered,
                    published,
                    start,
                    tracker.stats(phase),
                    sampler.usage(),
                    sampler.machineBusyPercent(),
                    allEnded);
        }
    }

    private void writeRuns(String phase) {
        try {
            Files.createDirectories(options.runsCsv());
            tracker.writeRuns(phase, options.runsCsv().resolve(phase + ".csv"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the runs of " + phase, e);
        }
    }

    /** Until ingest-iot's subscription is in place the broker drops readings: a probe device shows when it is. */
    private void awaitIngest() {
        tracker.phase("probe");
        Instant until = earliest(Instant.now().plusSeconds(60), deadline);
        while (tracker.stats("probe").events() == 0) {
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException("no reading reached tributary.events within 60 s: is ingest-iot up?");
            }
            load.burst("probe", 1, deadline);
            for (int i = 0; i < 10 && tracker.stats("probe").events() == 0; i++) {
                ManagedProcess.pause();
            }
        }
    }

    private Map<String, Supplier<Long>> pids(String... services) {
        Map<String, Supplier<Long>> pids = new LinkedHashMap<>();
        for (String name : services) {
            ServiceProcess service = stack.services().get(name);
            pids.put(name, service::pid);
        }
        return pids;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** A backstop: if a phase fails to stop at the bound, end the program (shutdown hooks stop the services). */
    private static void startWatchdog(Instant deadline) {
        Thread watchdog = new Thread(
                () -> {
                    try {
                        Thread.sleep(Duration.between(Instant.now(), deadline.plus(WATCHDOG_GRACE))
                                .toMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                    LOG.errorf("The benchmark ran past its bound by %d min: stopping", WATCHDOG_GRACE.toMinutes());
                    System.exit(3);
                },
                "bench-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
