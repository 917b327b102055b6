package io.tributary.devstack.stack;

import io.tributary.devstack.infra.KafkaBroker;
import io.tributary.devstack.infra.MqttBroker;
import io.tributary.devstack.infra.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The whole platform on one machine: Kafka (KRaft), an MQTT broker, PostgreSQL, and the five services as separate
 * JVMs. Used by the run command and by the system test, so the test exercises what a developer runs.
 */
public final class Stack implements AutoCloseable {
    public static final String MQTT_TOPIC_PREFIX = "tributary/";
    public static final String UPSTREAM_TOPIC = "upstream.orders";
    private static final Logger LOG = Logger.getLogger(Stack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final StackPorts ports;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private MqttBroker mqtt;
    private PostgresServer postgres;

    private Stack(StackPorts ports) {
        this.ports = ports;
    }

    /**
     * @param root the project directory (holding each service's {@code target/quarkus-app})
     * @param durable whether PostgreSQL syncs to disk (the local stack) or not (tests)
     * @param extraConfig per-service configuration on top of the stack's (e.g. the polled API's URL)
     */
    public static Stack start(
            Path root, Path dataDir, StackPorts ports, boolean durable, Map<String, Map<String, String>> extraConfig) {
        Stack stack = new Stack(ports);
        try {
            stack.startInfrastructure(dataDir, durable);
            stack.startServices(root, dataDir.resolve("logs"), extraConfig);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startInfrastructure(Path dataDir, boolean durable) {
        kafka = track(KafkaBroker.start(ports.kafka(), dataDir.resolve("kafka"), 4));
        mqtt = track(MqttBroker.start(ports.mqtt(), dataDir.resolve("mqtt")));
        postgres = track(PostgresServer.start(ports.postgres(), dataDir.resolve("postgres"), durable));
    }

    private void startServices(Path root, Path logDir, Map<String, Map<String, String>> extraConfig) {
        for (String name : List.of("orchestrator", "analytics", "ingest-iot", "ingest-api", "ingest-stream")) {
            Map<String, String> config = new LinkedHashMap<>(configOf(name));
            config.putAll(extraConfig.getOrDefault(name, Map.of()));
            services.put(
                    name, track(ServiceProcess.start(root, name, ports.byName().get(name), config, logDir)));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY_TIMEOUT);
            LOG.infof("%s ready at %s", service.name(), service.url());
        }
    }

    private Map<String, String> configOf(String service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        switch (service) {
            case "orchestrator" -> {
                config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl());
                config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
                config.put("quarkus.datasource.username", PostgresServer.USER);
            }
            case "ingest-iot" -> {
                config.put("tributary.iot.host", "127.0.0.1");
                config.put("tributary.iot.port", Integer.toString(mqtt.port()));
            }
            case "ingest-api" -> {
                config.put("quarkus.rest-client.source-api.url", demoApiUrl());
                config.put("tributary.api.interval", "5s");
            }
            case "ingest-stream" -> config.put("upstream.topic", UPSTREAM_TOPIC);
            default -> {}
        }
        return config;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.push(resource);
        return resource;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public int mqttPort() {
        return mqtt.port();
    }

    public String mqttKind() {
        return mqtt.kind();
    }

    public String postgresKind() {
        return postgres.kind();
    }

    public String postgresJdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String demoApiUrl() {
        return "http://127.0.0.1:" + ports.demoApi() + "/api/weather";
    }

    public Map<String, ServiceProcess> services() {
        return services;
    }

    public String orchestratorUrl() {
        return services.get("orchestrator").url();
    }

    /** Stops services first (they flush and commit), then the infrastructure, in reverse start order. */
    @Override
    public void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warnf("While stopping: %s", e.getMessage());
            }
        }
    }
}
