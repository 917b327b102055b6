package io.tributary.orchestrator.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Server-Sent Events client over a real HTTP connection (java.net.http), parsing the stream as the SSE spec
 * says a browser's EventSource does, on a thread of its own. Closing it drops the connection, as a client going
 * away would.
 */
public final class SseClient implements AutoCloseable {
    /** One dispatched event; {@code id} and {@code name} as the event carried them (null when absent). */
    public record Event(String id, String name, String data) {}

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final CompletableFuture<Integer> status = new CompletableFuture<>();
    private volatile InputStream body;

    private SseClient(URI uri, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Accept", "text/event-stream")
                .GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        thread.execute(() -> {
            try {
                HttpResponse<InputStream> answer =
                        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                body = answer.body();
                status.complete(answer.statusCode());
                read(answer.body());
            } catch (IOException | InterruptedException e) {
                // Closed by the test, or the server went away: the events read so far stay.
                status.completeExceptionally(e);
            }
        });
    }

    public static SseClient connect(URI uri, String lastEventId) {
        return new SseClient(uri, lastEventId);
    }

    /** The events dispatched so far, in order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** The change events (unnamed) so far. */
    List<Event> changes() {
        return events.stream().filter(e -> e.name() == null).toList();
    }

    private void read(InputStream stream) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        String id = null;
        String name = null;
        StringBuilder data = null;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            if (line.isEmpty()) {
                if (data != null) {
                    events.add(new Event(id, name, data.toString()));
                }
                id = null;
                name = null;
                data = null;
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String field = colon < 0 ? line : line.substring(0, colon);
                String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
                if (field.equals("id")) {
                    id = value;
                } else if (field.equals("event")) {
                    name = value;
                } else if (field.equals("data")) {
                    data = data == null
                            ? new StringBuilder(value)
                            : data.append('\n').append(value);
                }
            }
        }
    }

    @Override
    public void close() {
        InputStream stream = body;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            thread.shutdownNow();
        }
    }

    /** The response's status, once its head arrived. */
    public int status() {
        try {
            return status.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
