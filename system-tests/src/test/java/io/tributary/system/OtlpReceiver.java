package io.tributary.system;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A collector as small as the test needs: receives OTLP/HTTP protobuf exports ({@code POST /v1/traces}) from the
 * services and keeps each span's service, name, ids and parent. The protobuf is read field by field (only the few
 * fields of {@code ExportTraceServiceRequest} used here), so no OTLP library is needed.
 */
final class OtlpReceiver implements AutoCloseable {
    /** One received span; ids in lower-case hex, parent empty for a root span. */
    record ReceivedSpan(String service, String name, String traceId, String spanId, String parentSpanId) {}

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            try (exchange) {
                byte[] body = read(
                        exchange.getRequestBody(), exchange.getRequestHeaders().getFirst("Content-Encoding"));
                readRequest(ByteBuffer.wrap(body));
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** What the services' {@code quarkus.otel.exporter.otlp.traces.endpoint} is set to. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    private static byte[] read(InputStream in, String encoding) throws IOException {
        InputStream body = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        body.transferTo(out);
        return out.toByteArray();
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    private void readRequest(ByteBuffer request) {
        while (request.hasRemaining()) {
            long tag = varint(request);
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                readResourceSpans(sub(request));
            } else {
                skip(request, tag);
            }
        }
    }

    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    private void readResourceSpans(ByteBuffer resourceSpans) {
        String service = "";
        List<ByteBuffer> scopes = new java.util.ArrayList<>();
        while (resourceSpans.hasRemaining()) {
            long tag = varint(resourceSpans);
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                service = serviceName(sub(resourceSpans));
            } else if (tag >>> 3 == 2 && (tag & 7) == 2) {
                scopes.add(sub(resourceSpans));
            } else {
                skip(resourceSpans, tag);
            }
        }
        for (ByteBuffer scope : scopes) {
            // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
            while (scope.hasRemaining()) {
                long tag = varint(scope);
                if (tag >>> 3 == 2 && (tag & 7) == 2) {
                    spans.add(readSpan(service, sub(scope)));
                } else {
                    skip(scope, tag);
                }
            }
        }
    }

    // Resource { repeated KeyValue attributes = 1; } KeyValue { string key = 1; AnyValue value = 2; }
    // AnyValue { string string_value = 1; ... }
    private static String serviceName(ByteBuffer resource) {
        String name = "";
        while (resource.hasRemaining()) {
            long tag = varint(resource);
            if (tag >>> 3 == 1 && (tag & 7) == 2) {
                ByteBuffer attribute = sub(resource);
                String key = null;
                String value = null;
                while (attribute.hasRemaining()) {
                    long field = varint(attribute);
                    if (field >>> 3 == 1 && (field & 7) == 2) {
                        key = text(sub(attribute));
                    } else if (field >>> 3 == 2 && (field & 7) == 2) {
                        ByteBuffer any = sub(attribute);
                        while (any.hasRemaining()) {
                            long anyTag = varint(any);
                            if (anyTag >>> 3 == 1 && (anyTag & 7) == 2) {
                                value = text(sub(any));
                            } else {
                                skip(any, anyTag);
                            }
                        }
                    } else {
                        skip(attribute, field);
                    }
                }
                if ("service.name".equals(key) && value != null) {
                    name = value;
                }
            } else {
                skip(resource, tag);
            }
        }
        return name;
    }

    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5;
    // }
    private static ReceivedSpan readSpan(String service, ByteBuffer span) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        while (span.hasRemaining()) {
            long tag = varint(span);
            int field = (int) (tag >>> 3);
            if ((tag & 7) == 2 && field >= 1 && field <= 5) {
                ByteBuffer value = sub(span);
                switch (field) {
                    case 1 -> traceId = hex(value);
                    case 2 -> spanId = hex(value);
                    case 4 -> parent = hex(value);
                    case 5 -> name = text(value);
                    default -> {}
                }
            } else {
                skip(span, tag);
            }
        }
        return new ReceivedSpan(service, name, traceId, spanId, parent);
    }

    private static long varint(ByteBuffer buffer) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = buffer.get();
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static ByteBuffer sub(ByteBuffer buffer) {
        int length = (int) varint(buffer);
        ByteBuffer slice = buffer.slice(buffer.position(), length);
        buffer.position(buffer.position() + length);
        return slice;
    }

    private static void skip(ByteBuffer buffer, long tag) {
        switch ((int) (tag & 7)) {
            case 0 -> varint(buffer);
            case 1 -> buffer.position(buffer.position() + 8);
            case 2 -> sub(buffer);
            case 5 -> buffer.position(buffer.position() + 4);
            default -> throw new IllegalArgumentException("unsupported wire type in tag " + tag);
        }
    }

    private static String text(ByteBuffer value) {
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String hex(ByteBuffer value) {
        byte[] bytes = new byte[value.remaining()];
        value.get(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
