package io.tributary.devstack.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child process whose output goes to a log file, stopped (then killed, with its children) on close and when this
 * JVM exits, so that Ctrl-C or a failed test leaves nothing running.
 */
public final class ManagedProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static ManagedProcess start(String name, Path log, String... command) {
        return start(name, log, List.of(command));
    }

    public static ManagedProcess start(String name, Path log, List<String> command) {
        return start(name, log, command, Map.of());
    }

    /** @param environment variables set for the process on top of this JVM's own */
    public static ManagedProcess start(String name, Path log, List<String> command, Map<String, String> environment) {
        if (shuttingDown()) {
            // A process started now would outlive this JVM: its shutdown hook could no longer be registered.
            throw new IllegalStateException("not starting " + name + ": this JVM is shutting down");
        }
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + String.join(" ", command), e);
        }
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Completes when the process has ended, however it ended. */
    public CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /** How the process ended, e.g. "exit code 137 (signal 9, SIGKILL)"; call only once it has ended. */
    public String exitDescription() {
        return ExitStatus.describe(process.exitValue());
    }

    /**
     * Ends the process at once, with its children, as {@code kill -9} would (SIGKILL: no shutdown hooks, no flush),
     * and waits until it is gone.
     */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") survived SIGKILL for 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether this JVM is running its shutdown hooks (Ctrl-C, SIGTERM, System.exit): then nothing is restarted. */
    public static boolean shuttingDown() {
        Thread probe = new Thread(() -> {});
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    /** Waits until the process accepts connections on the port; fails early, with its log, if it dies. */
    public void awaitPort(int port, Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        while (!Ports.inUse(port)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + exitDescription() + "; log: " + tail());
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(
                        name + " did not listen on " + port + " within " + timeout + "; log: " + tail());
            }
            pause();
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    /** A short wait between two checks of a condition (a port, a health endpoint) that has a deadline. */
    public static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run: nothing left to remove.
        }
    }
}
