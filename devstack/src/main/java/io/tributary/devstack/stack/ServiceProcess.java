package io.tributary.devstack.stack;

import io.tributary.devstack.infra.ManagedProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One Tributary service, run from its packaged application in its own JVM, as it runs in production. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final List<String> command;
    private final Path log;
    private ManagedProcess process;

    private ServiceProcess(String name, int port, List<String> command, Path log) {
        this.name = name;
        this.port = port;
        this.command = command;
        this.log = log;
        this.process = ManagedProcess.start(name, log, command);
    }

    /** Starts {@code <root>/<name>/target/quarkus-app/quarkus-run.jar} with the given configuration. */
    public static ServiceProcess start(Path root, String name, int port, Map<String, String> config, Path logDir) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build the services first (./mvnw -T1 -DskipTests package).");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        return new ServiceProcess(name, port, List.copyOf(command), logDir.resolve(name + ".log"));
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    /** Stops the service gracefully (SIGTERM: it finishes in-flight work), to start it again with {@link #start()}. */
    public void stop() {
        process.close();
    }

    /** Starts the stopped service again with the same configuration; then {@link #awaitReady}. */
    public void start() {
        if (!process.isAlive()) {
            process = ManagedProcess.start(name, log, command);
        }
    }

    /** Waits until the readiness check (brokers and database reachable, channels up) reports UP. */
    public void awaitReady(Duration timeout) {
        Instant until = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2))
                .build();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start; log " + log() + ":\n" + process.tail());
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
                throw new IllegalStateException(
                        name + " not ready within " + timeout + "; log " + log() + ":\n" + process.tail());
            }
            ManagedProcess.pause();
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
