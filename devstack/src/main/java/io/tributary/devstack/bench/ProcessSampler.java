package io.tributary.devstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * CPU and memory of service processes over a phase, from Linux's /proc: CPU is the growth of {@code utime + stime}
 * in {@code /proc/<pid>/stat} (clock ticks, 100 per second on Linux) over the phase's wall time, as a share of one
 * core; memory is the peak of {@code VmRSS} in {@code /proc/<pid>/status}, sampled every second. The whole machine's
 * busy share ({@code /proc/stat}) tells whether the box itself was the limit.
 */
final class ProcessSampler implements AutoCloseable {
    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ: fixed at 100 by the Linux ABI

    /** @param cpuPercent average CPU over the phase, in percent of one core (200 = both cores of two) */
    record Usage(double cpuPercent, long peakRssMb) {}

    private final Map<String, Supplier<Long>> pids;
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final Map<String, Long> peakRssKb = new ConcurrentHashMap<>();
    private final Thread sampler;
    private final long startNanos = System.nanoTime();
    private final long[] startMachine = machineTicks();
    private volatile boolean running = true;

    /** @param pids each process's current pid by name (a restarted service has another one) */
    ProcessSampler(Map<String, Supplier<Long>> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> startTicks.put(name, cpuTicks(pid.get())));
        sampleRss();
        this.sampler = new Thread(
                () -> {
                    while (running) {
                        sampleRss();
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "process-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Usage since this sampler started, by process name. */
    Map<String, Usage> usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = cpuTicks(pid.get()) - startTicks.get(name);
            usage.put(
                    name,
                    new Usage(100.0 * ticks / TICKS_PER_SECOND / seconds, peakRssKb.getOrDefault(name, 0L) / 1024));
        });
        return usage;
    }

    /** Share of all cores' time that was busy since this sampler started, in percent. */
    double machineBusyPercent() {
        long[] now = machineTicks();
        long total = now[0] - startMachine[0];
        return total > 0 ? 100.0 * (now[1] - startMachine[1]) / total : Double.NaN;
    }

    /** All cores' ticks since boot: {total, busy}, busy being all but idle and iowait (proc(5)). */
    private static long[] machineTicks() {
        try {
            String[] fields =
                    Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) { // guest time is already in user time
                total += Long.parseLong(fields[i]);
            }
            return new long[] {total, total - Long.parseLong(fields[4]) - Long.parseLong(fields[5])};
        } catch (IOException | RuntimeException notLinux) {
            return new long[] {0, 0};
        }
    }

    private void sampleRss() {
        pids.forEach((name, pid) -> peakRssKb.merge(name, rssKb(pid.get()), Math::max));
    }

    /** utime + stime of the process; 0 when it is gone. */
    private static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // fields 14 and 15 of proc(5)
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // The process is gone: nothing to add.
        }
        return 0;
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
