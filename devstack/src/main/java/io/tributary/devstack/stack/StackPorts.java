package io.tributary.devstack.stack;

import io.tributary.devstack.infra.Ports;
import java.util.LinkedHashMap;
import java.util.Map;

/** The ports of one stack. The local stack's are fixed and documented; each can be moved by an environment variable. */
public record StackPorts(
        int kafka,
        int mqtt,
        int postgres,
        int orchestrator,
        int ingestIot,
        int ingestApi,
        int ingestStream,
        int analytics,
        int demoApi,
        int rabbitmq) {

    /** The documented ports, after TRIBUTARY_*_PORT overrides; fails clearly when one is taken. */
    public static StackPorts fixed() {
        return new StackPorts(
                port("kafka", 19092),
                port("mqtt", 11883),
                port("postgres", 15432),
                port("orchestrator", 8080),
                port("ingest-iot", 8081),
                port("ingest-api", 8082),
                port("ingest-stream", 8083),
                port("analytics", 8084),
                port("demo-api", 8090),
                port("rabbitmq", 16672));
    }

    public static StackPorts free() {
        return new StackPorts(
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Ports.free());
    }

    public Map<String, Integer> byName() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("kafka", kafka);
        ports.put("mqtt", mqtt);
        ports.put("postgres", postgres);
        ports.put("orchestrator", orchestrator);
        ports.put("ingest-iot", ingestIot);
        ports.put("ingest-api", ingestApi);
        ports.put("ingest-stream", ingestStream);
        ports.put("analytics", analytics);
        ports.put("demo-api", demoApi);
        ports.put("rabbitmq", rabbitmq);
        return ports;
    }

    private static int port(String name, int defaultPort) {
        String variable = "TRIBUTARY_" + name.toUpperCase().replace('-', '_') + "_PORT";
        String value = System.getenv(variable);
        int port = value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
        return Ports.requireFree(port, name, variable);
    }
}
