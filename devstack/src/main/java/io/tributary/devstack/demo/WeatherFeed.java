package io.tributary.devstack.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The demo HTTP API polled by ingest-api: five stations whose readings change every ten seconds, served as an API
 * with a cursor and an ETag would be: {@code {"readings": [...], "next_cursor": "2"}}, two readings a page, and
 * {@code 304 Not Modified} for a first page asked for again with its current ETag.
 */
public final class WeatherFeed implements HttpHandler {
    public static final String PATH = "/api/weather";
    /** The ingest-api source (and its configuration) that polls this feed. */
    public static final String SOURCE = "weather";

    private static final String[] STATIONS = {"oslo", "bergen", "tromso", "stavanger", "trondheim"};
    private static final int PAGE_SIZE = 2;

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long bucket = Instant.now().getEpochSecond() / 10;
        String etag = "\"weather-" + bucket + "\"";
        int from = cursor(exchange.getRequestURI());
        exchange.getResponseHeaders().add("ETag", etag);
        if (from == 0 && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        byte[] body = page(bucket, from).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static String page(long bucket, int from) {
        Instant ts = Instant.ofEpochSecond(bucket * 10);
        List<String> readings = new ArrayList<>();
        int to = Math.min(from + PAGE_SIZE, STATIONS.length);
        for (int i = from; i < to; i++) {
            double temperature = 5 - 3 * i + Math.sin(bucket / 6.0 + i) * 2;
            readings.add(String.format(
                    Locale.ROOT,
                    "{\"station\":\"%s\",\"temp\":%.2f,\"wind\":%d,\"ts\":\"%s\",\"sky\":\"%s\"}",
                    STATIONS[i],
                    temperature,
                    3 + (bucket + i) % 5,
                    ts,
                    bucket % 2 == 0 ? "clear" : "cloudy"));
        }
        String next = to < STATIONS.length ? "\"" + to + "\"" : "null";
        return "{\"readings\":[" + String.join(",", readings) + "],\"next_cursor\":" + next + "}";
    }

    private static int cursor(URI uri) {
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("cursor=") && pair.substring(7).matches("\\d+")) {
                    return Math.min(Integer.parseInt(pair.substring(7)), STATIONS.length);
                }
            }
        }
        return 0;
    }
}
