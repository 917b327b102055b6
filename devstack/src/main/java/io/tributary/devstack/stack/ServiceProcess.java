package io.tributary.devstack.stack;

import io.tributary.devstack.infra.ManagedProcess;
import io.tributary.devstack.infra.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * One Tributary service (or one replica of it), run from its packaged application in its own JVM, as it runs in
 * production. Once {@linkplain #supervise() supervised}, a process that exits without being asked to (a crash,
 * {@code kill -9}, the out-of-memory killer) is reported and started again after a back-off, as Kubernetes restarts
 * a container; {@link #stop()} and {@link #close()} never lead to a restart, nor does this JVM shutting down.
 */
public final class ServiceProcess implements AutoCloseable {
    public static final String MANAGEMENT_PORT = "quarkus.management.port";
    private static final Logger LOG = Logger.getLogger("tributary.supervisor");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Lets the exit settle first: on Ctrl-C the services get SIGINT at the same moment this JVM does. */
    private static final Duration EXIT_GRACE = Duration.ofMillis(500);

    private static final ScheduledExecutorService RESTARTS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "service-restarts");
        thread.setDaemon(true);
        return thread;
    });

    private final String name;
    private final int port;
    private final int managementPort;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private final RestartBackOff backOff = RestartBackOff.standard();
    // Guarded by this.
    private ManagedProcess process;
    private Instant startedAt;
    private boolean wanted;
    private boolean supervised;
    private boolean restartPending;
    private int restarts;
    private String lastExit;

    private ServiceProcess(
            String name,
            int port,
            int managementPort,
            List<String> command,
            Map<String, String> environment,
            Path log) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.command = command;
        this.environment = environment;
        this.log = log;
        start();
    }

    /**
     * Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with the given configuration. Health and
     * metrics are on the management port: {@code quarkus.management.port} if the configuration names one, else a free
     * port.
     */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> config, Path logDir) {
        return start(root, name, name, port, config, Map.of(), logDir);
    }

    /**
     * @param service whose application to run
     * @param name this process's name in logs and status ({@code orchestrator-2} for a second replica)
     * @param environment variables on top of this JVM's, e.g. a replica's own HOSTNAME
     */
    public static ServiceProcess start(
            Path root,
            String service,
            String name,
            int port,
            Map<String, String> config,
            Map<String, String> environment,
            Path logDir) {
        Path jar = root.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build the services first (./mvnw -T1 -DskipTests package).");
        }
        // As in production: full JIT (C2). A bounded heap, and the serial collector the JVM picks by itself in a
        // container below 1792 MB (the Helm chart's limits are 384–768 Mi).
        int managementPort =
                config.containsKey(MANAGEMENT_PORT) ? Integer.parseInt(config.get(MANAGEMENT_PORT)) : Ports.free();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + port,
                "-D" + MANAGEMENT_PORT + "=" + managementPort));
        command.addAll(extraJavaOptions(service));
        config.forEach((key, value) -> {
            if (!key.equals(MANAGEMENT_PORT)) {
                command.add("-D" + key + "=" + value);
            }
        });
        command.addAll(List.of("-jar", jar.toString()));
        return new ServiceProcess(
                name,
                port,
                managementPort,
                List.copyOf(command),
                Map.copyOf(environment),
                logDir.resolve(name + ".log"));
    }

    /**
     * {@code TRIBUTARY_<SERVICE>_JAVA_OPTS} (e.g. {@code TRIBUTARY_ORCHESTRATOR_JAVA_OPTS}): JVM options for one
     * service, such as a flight recording while a benchmark runs.
     */
    private static List<String> extraJavaOptions(String service) {
        String options =
                System.getenv("TRIBUTARY_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_JAVA_OPTS");
        return options == null || options.isBlank()
                ? List.of()
                : List.of(options.trim().split("\\s+"));
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Health and metrics ({@code /q/health}, {@code /q/metrics}), apart from the API. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public Path log() {
        return log;
    }

    /** The operating system's id of the running process (for /proc), or -1 while it is down. */
    public synchronized long pid() {
        return process.isAlive() ? process.pid() : -1;
    }

    /** How many times the supervisor started this service again after it exited. */
    public synchronized int restarts() {
        return restarts;
    }

    /**
     * For the status line: up (or up but not ready: its readiness check fails, e.g. a channel stopped), down,
     * stopped or restarting, with the last unexpected exit.
     */
    public String status() {
        boolean alive;
        String state;
        String exits;
        synchronized (this) {
            alive = process.isAlive();
            state = alive ? "up" : restartPending ? "restarting" : wanted ? "down" : "stopped";
            exits = lastExit == null ? "" : " (restarts " + restarts + ", last " + lastExit + ")";
        }
        if (alive && !ready()) {
            state = "up, not ready";
        }
        return state + exits;
    }

    /** Whether the readiness check answers UP right now. */
    public boolean ready() {
        try {
            return HTTP.send(readiness(Duration.ofSeconds(1)), HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (java.io.IOException notListening) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest readiness(Duration timeout) {
        return HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(timeout)
                .build();
    }

    /** From now on, an exit this stack did not ask for is reported and followed by a restart after a back-off. */
    synchronized void supervise() {
        supervised = true;
    }

    /** Stops the service gracefully (SIGTERM: it finishes in-flight work), to start it again with {@link #start()}. */
    public void stop() {
        ManagedProcess stopping;
        synchronized (this) {
            wanted = false;
            stopping = process;
        }
        stopping.close();
    }

    /** Starts the stopped service again with the same configuration; then {@link #awaitReady}. */
    public synchronized void start() {
        wanted = true;
        if (process == null || !process.isAlive()) {
            spawn();
        }
    }

    /**
     * Ends the service at once, as {@code kill -9} does: no graceful shutdown, in-flight work is lost. A supervised
     * service is then restarted like any crashed one; wait for it with {@link #awaitReady}.
     */
    public void kill() {
        ManagedProcess killing;
        synchronized (this) {
            killing = process;
        }
        killing.kill();
    }

    private synchronized void spawn() {
        if (process != null) {
            process.close(); // an ended process: this only unregisters its shutdown hook
        }
        ManagedProcess started = ManagedProcess.start(name, log, command, environment);
        process = started;
        startedAt = Instant.now();
        started.onExit()
                .thenRun(() -> RESTARTS.schedule(() -> exited(started), EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS));
    }

    private void exited(ManagedProcess ended) {
        Duration delay;
        String how;
        synchronized (this) {
            if (ended != process || !wanted || !supervised || ManagedProcess.shuttingDown()) {
                return; // asked for, or replaced already, or everything is stopping
            }
            how = ended.exitDescription();
            Duration uptime = Duration.between(startedAt, Instant.now());
            delay = backOff.next(uptime);
            lastExit = how + " at " + Instant.now().truncatedTo(ChronoUnit.SECONDS);
            restartPending = true;
        }
        LOG.warnf("%s exited unexpectedly with %s; restarting it in %d s (log %s)", name, how, delay.toSeconds(), log);
        RESTARTS.schedule(() -> restart(ended), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void restart(ManagedProcess ended) {
        synchronized (this) {
            restartPending = false;
            if (ended != process || !wanted || !supervised || ManagedProcess.shuttingDown()) {
                return;
            }
            try {
                spawn();
            } catch (RuntimeException e) {
                LOG.errorf("%s could not be restarted: %s", name, e.getMessage());
                return;
            }
            restarts++;
        }
        LOG.infof("%s restarted (restart %d)", name, restarts());
    }

    /**
     * Waits until the readiness check (brokers and database reachable, channels up) reports UP. An unsupervised
     * service that exits meanwhile fails this at once, with its log; a supervised one is waited for through its
     * restart.
     */
    public void awaitReady(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        HttpRequest request = readiness(Duration.ofSeconds(2));
        while (true) {
            ManagedProcess current;
            boolean comingBack;
            synchronized (this) {
                current = process;
                comingBack = wanted && supervised;
            }
            if (!current.isAlive() && !comingBack) {
                throw new IllegalStateException(name + " exited during start with " + current.exitDescription()
                        + "; log " + log() + ":\n" + current.tail());
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notListeningYet) {
                // Keep waiting: the JVM is still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (Instant.now().isAfter(until)) {
                throw new IllegalStateException(name + " not ready within " + timeout + " (" + status() + "); log "
                        + log() + ":\n" + current.tail());
            }
            ManagedProcess.pause();
        }
    }

    @Override
    public void close() {
        ManagedProcess stopping;
        synchronized (this) {
            wanted = false;
            supervised = false;
            stopping = process;
        }
        stopping.close();
    }
}
