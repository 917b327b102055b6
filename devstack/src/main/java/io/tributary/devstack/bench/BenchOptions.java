package io.tributary.devstack.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The benchmark's arguments, each with a default that gives the full run; smaller values give a quick one, e.g.
 * {@code --steps 50,250 --seconds 20 --burst 2000}.
 *
 * @param steps offered loads in readings per second, one step each, in order
 * @param seconds how long each step offers its load
 * @param devices how many devices (series) share each step's load
 * @param drain how long a step (or the warm-up) may take, after its last reading, for its runs to end
 * @param burst readings in the burst, published as fast as the pipelined publisher goes (0: no burst)
 * @param burstWait how long the burst's runs may take to end
 * @param warmup readings at 100/s before the steps, whose runs are not measured: the JIT compiles the services' hot
 *     paths during their first minute of load (measured: a step right after a 10 s warm-up had a p99 ten times that
 *     of the same step a minute later), and a service in production has long passed that
 * @param inFlight QoS 1 publishes in flight at once (awaiting PUBACK)
 * @param kafkaRecords records in the raw Kafka baseline
 * @param postgresRows rows in the PostgreSQL insert baseline
 * @param limit the whole run's bound: past it the remaining phases are skipped and the report printed
 * @param runsCsv a folder to write each phase's runs to ({@code <phase>.csv}: event, task, RUNNING and result times),
 *     or null
 */
record BenchOptions(
        List<Integer> steps,
        Duration seconds,
        int devices,
        Duration drain,
        int burst,
        Duration burstWait,
        int warmup,
        int inFlight,
        int kafkaRecords,
        int postgresRows,
        Duration limit,
        Path runsCsv) {

    static final String USAGE = "Usage: ./bench.sh [--steps 50,100,250,500,1000] [--seconds 60] [--devices 100]"
            + " [--drain 120] [--burst 10000] [--burst-wait 600] [--warmup 3000] [--in-flight 256]"
            + " [--kafka-records 200000] [--postgres-rows 100000] [--limit-minutes <default: enough for all phases>]"
            + " [--runs-csv <folder>]";

    static BenchOptions parse(String[] args) {
        List<Integer> steps = List.of(50, 100, 250, 500, 1000);
        int seconds = 60;
        int devices = 100;
        int drain = 120;
        int burst = 10_000;
        int burstWait = 600;
        int warmup = 3000;
        int inFlight = 256;
        int kafkaRecords = 200_000;
        int postgresRows = 100_000;
        Integer limitMinutes = null;
        Path runsCsv = null;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value. " + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--steps" ->
                    steps = Arrays.stream(value.split(","))
                            .map(String::trim)
                            .map(Integer::parseInt)
                            .toList();
                case "--seconds" -> seconds = positive(name, value);
                case "--devices" -> devices = positive(name, value);
                case "--drain" -> drain = positive(name, value);
                case "--burst" -> burst = Integer.parseInt(value);
                case "--burst-wait" -> burstWait = positive(name, value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--in-flight" -> inFlight = positive(name, value);
                case "--kafka-records" -> kafkaRecords = positive(name, value);
                case "--postgres-rows" -> postgresRows = positive(name, value);
                case "--limit-minutes" -> limitMinutes = positive(name, value);
                case "--runs-csv" -> runsCsv = Path.of(value);
                default -> throw new IllegalArgumentException("Unknown argument " + name + ". " + USAGE);
            }
        }
        if (steps.stream().anyMatch(rate -> rate <= 0)) {
            throw new IllegalArgumentException("--steps takes positive rates, e.g. 50,250. " + USAGE);
        }
        // Enough for every phase at its bound, plus the stack's start and the baselines.
        Duration needed = Duration.ofMinutes(5)
                .plusSeconds((long) steps.size() * (seconds + drain))
                .plusSeconds(warmup > 0 ? warmup / 100 + drain : 0)
                .plusSeconds(burst > 0 ? burstWait : 0);
        Duration limit = limitMinutes != null ? Duration.ofMinutes(limitMinutes) : needed;
        return new BenchOptions(
                List.copyOf(steps),
                Duration.ofSeconds(seconds),
                devices,
                Duration.ofSeconds(drain),
                burst,
                Duration.ofSeconds(burstWait),
                warmup,
                inFlight,
                kafkaRecords,
                postgresRows,
                limit,
                runsCsv);
    }

    private static int positive(String name, String value) {
        int number = Integer.parseInt(value);
        if (number <= 0) {
            throw new IllegalArgumentException(name + " must be positive. " + USAGE);
        }
        return number;
    }
}
