package io.tributary.devstack.bench;

import io.tributary.contract.Topics;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.result.ResultMessages;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.task.TaskMessage;
import io.tributary.devstack.infra.TopicReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Follows every run through the bus, reading {@code tributary.events}, {@code .tasks}, {@code .runs} and
 * {@code .results} from the beginning (the stack is fresh), and attributes each run to the phase of the device whose
 * reading triggered it. Everything is counted by id, so a redelivered message changes nothing.
 *
 * <ul>
 *   <li>A run's phase and event time come from its task message: {@code input.seriesKey} names the device, and the
 *       triggering event's {@code time} is the reading's {@code ts}, the instant it was published. A run seen before
 *       its task message counts, until then, for the phase running when it appeared.
 *   <li>Task: the Kafka timestamp (producer time) of the run's first task message: when the orchestrator's relay
 *       dispatched it.
 *   <li>RUNNING: the timestamp of the run's own first RUNNING change on {@code tributary.runs}.
 *   <li>Result: the Kafka timestamp (producer time) of the first result whose {@code flowrunid} is the run's.
 *   <li>State: the run's newest change ({@link RunChange#timestamp()}); it has ended when that state is final.
 * </ul>
 */
final class RunTracker implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger("tributary.bench");

    /** What one phase's runs did, as far as they got. */
    record PhaseStats(
            int events,
            int runs,
            Map<String, Long> byState,
            int ended,
            long completed,
            long lastEndMillis,
            List<Long> toTask,
            List<Long> toRunning,
            List<Long> toResult) {}

    private static final class Run {
        String phase;
        boolean phaseKnown;
        long eventMillis = -1;
        long taskMillis = -1;
        long runningMillis = -1;
        long resultMillis = -1;
        RunChange latest;
    }

    private final TopicReader reader;
    private final Thread thread;
    private final Map<UUID, Run> runs = new HashMap<>();
    private final Map<String, Set<String>> eventsByPhase = new HashMap<>();
    private volatile String currentPhase = "before";
    private volatile boolean closed;
    private boolean held;

    RunTracker(String bootstrapServers) {
        this.reader =
                new TopicReader(bootstrapServers, List.of(Topics.EVENTS, Topics.TASKS, Topics.RUNS, Topics.RESULTS));
        this.thread = new Thread(this::follow, "bench-run-tracker");
        thread.setDaemon(true);
        thread.start();
    }

    /** The phase a run that shows up before its task message is counted for. */
    void phase(String phase) {
        currentPhase = phase;
    }

    /**
     * Stops reading while the load is offered. Reading four topics and parsing every run change took a third of a
     * core at 100 readings/s (profiled): the harness competed with the platform it measures. Nothing is lost by
     * reading later, since every figure comes from the records' own timestamps, not from when they were read.
     */
    synchronized void hold() {
        held = true;
    }

    /** Reads again, catching up on what was published while {@link #hold held}. */
    synchronized void release() {
        held = false;
        notifyAll();
    }

    private synchronized void awaitReleased() throws InterruptedException {
        while (held && !closed) {
            wait();
        }
    }

    private void follow() {
        try {
            while (!closed) {
                awaitReleased();
                var records = reader.poll(Duration.ofMillis(200));
                synchronized (this) {
                    for (ConsumerRecord<String, String> record : records) {
                        try {
                            track(record);
                        } catch (RuntimeException unreadable) {
                            LOG.debugf(
                                    "Skipped %s %d@%d: %s",
                                    record.topic(), record.partition(), record.offset(), unreadable);
                        }
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke the reader up.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } finally {
            reader.close();
        }
    }

    private void track(ConsumerRecord<String, String> record) {
        switch (record.topic()) {
            case Topics.EVENTS -> {
                String phase = LoadPublisher.phaseOf(deviceOf(header(record, "ce_subject")));
                if (phase != null) {
                    eventsByPhase.computeIfAbsent(phase, k -> new HashSet<>()).add(header(record, "ce_id"));
                }
            }
            case Topics.TASKS -> {
                TaskMessage task = Json.read(record.value(), TaskMessage.class);
                Run run = run(task.flowRunId());
                knowPhase(run, task.input().seriesKey());
                if (run.taskMillis < 0) {
                    run.taskMillis = record.timestamp();
                }
                if (run.eventMillis < 0) {
                    task.input().events().stream()
                            .map(NormalizedEvent::time)
                            .mapToLong(t -> t.toInstant().toEpochMilli())
                            .max()
                            .ifPresent(t -> run.eventMillis = t);
                }
            }
            case Topics.RUNS -> {
                RunChange change = Json.read(record.value(), RunChange.class);
                if (change.taskRunId() != null) {
                    return;
                }
                Run run = run(change.flowRunId());
                if (change.type() == io.tributary.contract.run.StateType.RUNNING && run.runningMillis < 0) {
                    run.runningMillis = change.timestamp().toEpochMilli();
                }
                // A final state is kept: a copy of an earlier change sent again by the relay (at-least-once), with
                // the same timestamp when both came from one transaction, must not make an ended run look running.
                boolean ended = run.latest != null && run.latest.type().isFinal();
                if (run.latest == null || (!ended && !change.timestamp().isBefore(run.latest.timestamp()))) {
                    run.latest = change;
                }
            }
            case Topics.RESULTS -> {
                String flowRunId = header(record, "ce_" + ResultMessages.FLOW_RUN_ID);
                if (flowRunId != null) {
                    Run run = run(UUID.fromString(flowRunId));
                    knowPhase(run, header(record, "ce_subject"));
                    if (run.resultMillis < 0 || record.timestamp() < run.resultMillis) {
                        run.resultMillis = record.timestamp();
                    }
                }
            }
            default -> {}
        }
    }

    private Run run(UUID id) {
        return runs.computeIfAbsent(id, k -> {
            Run run = new Run();
            run.phase = currentPhase;
            return run;
        });
    }

    private static void knowPhase(Run run, String seriesKey) {
        String phase = seriesKey == null ? null : LoadPublisher.phaseOf(deviceOf(seriesKey));
        if (!run.phaseKnown && phase != null) {
            run.phase = phase;
            run.phaseKnown = true;
        }
    }

    /** The device of a series key ({@code /iot/devices|s50-d007}) or of a subject. */
    private static String deviceOf(String seriesKeyOrSubject) {
        return seriesKeyOrSubject == null ? "" : seriesKeyOrSubject.substring(seriesKeyOrSubject.lastIndexOf('|') + 1);
    }

    synchronized PhaseStats stats(String phase) {
        Map<String, Long> byState = new TreeMap<>();
        int count = 0;
        int ended = 0;
        long completed = 0;
        long lastEnd = -1;
        List<Long> toTask = new ArrayList<>();
        List<Long> toRunning = new ArrayList<>();
        List<Long> toResult = new ArrayList<>();
        for (Run run : runs.values()) {
            if (!phase.equals(run.phase) || run.latest == null) {
                continue;
            }
            count++;
            boolean isFinal = run.latest.type().isFinal();
            byState.merge(isFinal ? run.latest.type().name() : "not ended", 1L, Long::sum);
            if (isFinal) {
                ended++;
                lastEnd = Math.max(lastEnd, run.latest.timestamp().toEpochMilli());
                if (run.latest.type() == io.tributary.contract.run.StateType.COMPLETED) {
                    completed++;
                }
            }
            if (run.eventMillis >= 0 && run.taskMillis >= 0) {
                toTask.add(run.taskMillis - run.eventMillis);
            }
            if (run.eventMillis >= 0 && run.runningMillis >= 0) {
                toRunning.add(run.runningMillis - run.eventMillis);
            }
            if (run.eventMillis >= 0 && run.resultMillis >= 0) {
                toResult.add(run.resultMillis - run.eventMillis);
            }
        }
        int events = eventsByPhase.getOrDefault(phase, Set.of()).size();
        return new PhaseStats(events, count, byState, ended, completed, lastEnd, toTask, toRunning, toResult);
    }

    /**
     * Writes each run of the phase as a line {@code event,task,running,result} (epoch milliseconds, -1 where not
     * seen): to see when in a phase the slow runs were, which percentiles cannot show.
     */
    synchronized void writeRuns(String phase, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("event_ms,task_ms,running_ms,result_ms");
        for (Run run : runs.values()) {
            if (phase.equals(run.phase)) {
                lines.add(run.eventMillis + "," + run.taskMillis + "," + run.runningMillis + "," + run.resultMillis);
            }
        }
        Files.write(file, lines);
    }

    /** Whether the phase has at least {@code expected} runs and all of them have ended. */
    boolean allEnded(String phase, int expected) {
        PhaseStats stats = stats(phase);
        return stats.runs() >= expected && stats.ended() == stats.runs();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        reader.wakeup();
    }
}
