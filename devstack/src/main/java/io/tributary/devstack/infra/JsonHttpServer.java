package io.tributary.devstack.infra;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** A real HTTP server on loopback answering on one path: a stand-in upstream API. */
public final class JsonHttpServer implements AutoCloseable {
    private final HttpServer server;
    private final String path;

    /** Answers every request with JSON from the supplier. */
    public JsonHttpServer(int port, String path, Supplier<String> body) {
        this(port, path, exchange -> {
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    /** Answers as the handler does: query parameters, conditional requests, status codes of its own. */
    public JsonHttpServer(int port, String path, HttpHandler handler) {
        this.path = path;
        try {
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(path, handler);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
