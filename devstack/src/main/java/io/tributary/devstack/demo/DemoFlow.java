package io.tributary.devstack.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Registers the demo flow through the orchestrator's API, as a user would; an existing one (409) is kept. */
public final class DemoFlow {
    public static final String NAME = "demo-temperature-stats";
    static final String JSON = "{\"name\":\"" + NAME + "\","
            + "\"triggers\":[{\"kind\":\"event\",\"type\":\"io.tributary.measurement.v1\",\"source\":\"/iot/*\"}],"
            + "\"tasks\":[{\"name\":\"stats\",\"type\":\"window-stats\","
            + "\"parameters\":{\"metric\":\"temperature\",\"windowSeconds\":60},\"timeoutSeconds\":30,"
            + "\"retries\":{\"maxRetries\":2,\"delaySeconds\":1}}]}";

    private static final Duration TASK_TYPES_WAIT = Duration.ofSeconds(60);

    private DemoFlow() {}

    public static void register(String orchestratorUrl) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(orchestratorUrl + "/flows"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON))
                .build();
        try {
            HttpResponse<String> response = send(HttpClient.newHttpClient(), request);
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException(
                        "registering the demo flow failed: " + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("registering the demo flow failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Until the orchestrator has read the executors' task types (it answers 503 before, with Retry-After), or for at
     * most {@link #TASK_TYPES_WAIT}.
     */
    private static HttpResponse<String> send(HttpClient client, HttpRequest request)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TASK_TYPES_WAIT.toNanos();
        while (true) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 503 || System.nanoTime() > deadline) {
                return response;
            }
            long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.min(seconds, 2)).toMillis());
        }
    }
}
