package io.tributary.devstack.demo;

import io.tributary.devstack.stack.ApiKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Registers the demo flows through the orchestrator's API, as a user would; an existing one (409) is kept. One per
 * demo source: the devices' temperatures, the polled weather API's, and the webhook's sale amounts.
 */
public final class DemoFlow {
    public static final String NAME = "demo-temperature-stats";
    static final List<String> FLOWS = List.of(
            flow(NAME, "io.tributary.measurement.v1", "/iot/*", "temperature", 60),
            flow("demo-weather-stats", "io.tributary.record.v1", "/api/" + WeatherFeed.SOURCE, "temp", 600),
            flow("demo-sales-stats", "io.tributary.record.v1", "/api/" + DemoWebhooks.SOURCE, "amount", 300));

    private static final Duration TASK_TYPES_WAIT = Duration.ofSeconds(60);

    private DemoFlow() {}

    /** @param apiKey an admin API key of the orchestrator */
    public static void register(String orchestratorUrl, String apiKey) {
        HttpClient client = HttpClient.newHttpClient();
        for (String json : FLOWS) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(orchestratorUrl + "/flows"))
                    .header("Content-Type", "application/json")
                    .header(ApiKeys.HEADER, apiKey)
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            try {
                HttpResponse<String> response = send(client, request);
                if (response.statusCode() != 201 && response.statusCode() != 409) {
                    throw new IllegalStateException(
                            "registering a demo flow failed: " + response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                throw new IllegalStateException("registering a demo flow failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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

    private static String flow(String name, String type, String source, String metric, int windowSeconds) {
        return "{\"name\":\"" + name + "\","
                + "\"triggers\":[{\"kind\":\"event\",\"type\":\"" + type + "\",\"source\":\"" + source + "\"}],"
                + "\"tasks\":[{\"name\":\"stats\",\"type\":\"window-stats\","
                + "\"parameters\":{\"metric\":\"" + metric + "\",\"windowSeconds\":" + windowSeconds
                + "},\"timeoutSeconds\":30,\"retries\":{\"maxRetries\":2,\"delaySeconds\":1}}]}";
    }
}
