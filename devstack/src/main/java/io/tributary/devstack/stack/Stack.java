package io.tributary.devstack.stack;

import io.tributary.devstack.demo.DemoWebhooks;
import io.tributary.devstack.demo.ShipmentScans;
import io.tributary.devstack.demo.WeatherFeed;
import io.tributary.devstack.infra.KafkaBroker;
import io.tributary.devstack.infra.MqttBroker;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.PostgresServer;
import io.tributary.devstack.infra.RabbitBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.jboss.logging.Logger;

/**
 * The whole platform on one machine: Kafka (KRaft), an MQTT broker, PostgreSQL, an AMQP 0-9-1 broker with a demo
 * queue of another team's messages ({@link ShipmentScans}, read by ingest-stream as its second source), and the five
 * services as separate JVMs, supervised: one that exits is restarted (see {@link ServiceProcess}). Used by the run
 * command, the benchmark and the system tests, so the tests exercise what a developer runs.
 */
public final class Stack implements AutoCloseable {
    public static final String MQTT_TOPIC_PREFIX = "tributary/";
    public static final String UPSTREAM_TOPIC = "upstream.orders";
    /** ingest-stream's channel (and source name) for the demo RabbitMQ queue. */
    public static final String SHIPMENTS_SOURCE = "shipments";

    private static final Logger LOG = Logger.getLogger(Stack.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> SERVICES =
            List.of("orchestrator", "analytics", "ingest-iot", "ingest-api", "ingest-stream");

    private final StackPorts ports;
    private final Path root;
    private final Path logDir;
    private final Map<String, Map<String, String>> extraConfig;
    private final String apiKey = ApiKeys.generate("stack");
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Map<String, ServiceProcess> services = new ConcurrentSkipListMap<>();
    private KafkaBroker kafka;
    private MqttBroker mqtt;
    private PostgresServer postgres;
    private RabbitBroker rabbit;

    private Stack(StackPorts ports, Path root, Path dataDir, Map<String, Map<String, String>> extraConfig) {
        this.ports = ports;
        this.root = root;
        this.logDir = dataDir.resolve("logs");
        this.extraConfig = extraConfig;
    }

    /**
     * @param root the project directory (holding each service's {@code target/quarkus-app})
     * @param durable whether PostgreSQL syncs to disk (the local stack) or not (tests)
     * @param extraConfig per-service configuration on top of the stack's (e.g. the polled API's URL)
     */
    public static Stack start(
            Path root, Path dataDir, StackPorts ports, boolean durable, Map<String, Map<String, String>> extraConfig) {
        Stack stack = new Stack(ports, root, dataDir, extraConfig);
        try {
            stack.startInfrastructure(dataDir, durable);
            stack.startServices();
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
        rabbit = track(RabbitBroker.start(ports.rabbitmq(), dataDir.resolve("qpid"), true));
        // Before ingest-stream starts: its queue and binding exist, and scans wait there for it.
        track(new ShipmentScans(rabbit.connectionFactory()));
    }

    /** Supervision starts once all are ready: a service that cannot start fails the stack's start, with its log. */
    private void startServices() {
        for (String name : SERVICES) {
            services.put(
                    name,
                    track(ServiceProcess.start(root, name, ports.byName().get(name), fullConfigOf(name), logDir)));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(READY_TIMEOUT);
            LOG.infof("%s ready at %s", service.name(), service.url());
        }
        services.values().forEach(ServiceProcess::supervise);
    }

    /**
     * Configuration that makes a stack the local one: the services in their dev profile, where authentication is off
     * (their {@code %dev.tributary.security.enabled=false}) and so they listen on 127.0.0.1 only, and health and
     * metrics on fixed ports (the API's + 1000).
     */
    public static Map<String, Map<String, String>> localDevelopment(StackPorts ports) {
        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        for (String service : SERVICES) {
            int management = ports.byName().get(service) + 1000;
            Ports.requireFree(management, service + " management", "TRIBUTARY_*_PORT");
            config.put(
                    service,
                    Map.of(
                            "quarkus.profile",
                            "dev",
                            // Without authentication, nobody but this machine may reach the services.
                            "quarkus.http.host",
                            "127.0.0.1",
                            "quarkus.management.host",
                            "127.0.0.1",
                            ServiceProcess.MANAGEMENT_PORT,
                            Integer.toString(management)));
        }
        return config;
    }

    /** An admin API key every service of this stack accepts ({@code X-API-Key}), made for this stack alone. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * Starts one more replica of a service, with the same brokers, database and configuration, on a free port, as
     * another pod of its Deployment: its name (and HOSTNAME, as in a pod) is {@code <service>-<n>}. Returns once it
     * is ready; it is supervised and stops with the stack.
     */
    public synchronized ServiceProcess startReplica(String service) {
        if (!SERVICES.contains(service)) {
            throw new IllegalArgumentException("no service " + service + "; services: " + SERVICES);
        }
        int replica = 2;
        while (services.containsKey(service + "-" + replica)) {
            replica++;
        }
        String name = service + "-" + replica;
        ServiceProcess process = track(ServiceProcess.start(
                root, service, name, Ports.free(), fullConfigOf(service), Map.of("HOSTNAME", name), logDir));
        services.put(name, process);
        process.awaitReady(READY_TIMEOUT);
        process.supervise();
        LOG.infof("%s ready at %s", process.name(), process.url());
        return process;
    }

    private Map<String, String> fullConfigOf(String service) {
        Map<String, String> config = new LinkedHashMap<>(configOf(service));
        config.putAll(extraConfig.getOrDefault(service, Map.of()));
        return config;
    }

    private Map<String, String> configOf(String service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers());
        config.put("tributary.security.api-keys.stack.sha256", ApiKeys.sha256(apiKey));
        config.put("tributary.security.api-keys.stack.roles", "admin");
        // In the prod profile (tests, benchmark) the services log JSON lines for a log collector; here people read
        // them.
        config.put("quarkus.log.console.json.enabled", "false");
        switch (service) {
            case "orchestrator" -> config.putAll(datasource());
            case "ingest-iot" -> {
                config.put("tributary.iot.host", "127.0.0.1");
                config.put("tributary.iot.port", Integer.toString(mqtt.port()));
            }
            case "analytics" -> {
                // Results go to MQTT only with TRIBUTARY_ANALYTICS_MQTT_ENABLED=true, then to the stack's broker.
                config.put("mp.messaging.outgoing.results-mqtt.host", "127.0.0.1");
                config.put("mp.messaging.outgoing.results-mqtt.port", Integer.toString(mqtt.port()));
            }
            case "ingest-api" -> {
                config.putAll(datasource());
                config.putAll(demoApiSources(demoApiUrl()));
            }
            case "ingest-stream" -> {
                config.put("upstream.topic", UPSTREAM_TOPIC);
                config.putAll(shipmentsSource());
            }
            default -> {}
        }
        return config;
    }

    /** The orchestrator's database; ingest-api keeps its state there too, in a schema of its own. */
    private Map<String, String> datasource() {
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER);
    }

    /**
     * ingest-api's demo sources: the weather API polled with its cursor and ETag ({@link WeatherFeed}), and the
     * till system's signed sales webhooks ({@link DemoWebhooks}). Public for ingest-api's test of the demo.
     */
    public static Map<String, String> demoApiSources(String weatherUrl) {
        Map<String, String> config = new LinkedHashMap<>();
        String weather = "tributary.api.sources." + WeatherFeed.SOURCE + ".";
        config.put(weather + "records", "/readings");
        config.put(weather + "subject", "/station");
        config.put(weather + "time", "/ts");
        config.put(weather + "poll.url", weatherUrl);
        config.put(weather + "poll.every", "5s");
        config.put(weather + "poll.pagination.type", "cursor");
        config.put(weather + "poll.pagination.cursor", "/next_cursor");
        String sales = "tributary.api.sources." + DemoWebhooks.SOURCE + ".";
        config.put(sales + "subject", "/store");
        config.put(sales + "id", "/id");
        config.put(sales + "time", "/ts");
        config.put(sales + "webhook.signature", "stripe");
        config.put(sales + "webhook.secret", DemoWebhooks.SECRET);
        return config;
    }

    /** The demo queue as an ingest-stream source: a RabbitMQ channel, and the mapping of that team's JSON. */
    private Map<String, String> shipmentsSource() {
        Map<String, String> config = new LinkedHashMap<>();
        String channel = "mp.messaging.incoming." + SHIPMENTS_SOURCE + ".";
        config.put(channel + "connector", "smallrye-rabbitmq");
        config.put(channel + "host", rabbit.host());
        config.put(channel + "port", Integer.toString(rabbit.port()));
        config.put(channel + "username", RabbitBroker.USER);
        config.put(channel + "password", RabbitBroker.PASSWORD);
        config.put(channel + "queue.name", ShipmentScans.QUEUE);
        config.put(channel + "exchange.name", ShipmentScans.EXCHANGE);
        config.put(channel + "routing-keys", ShipmentScans.BINDING_KEY);
        config.put(channel + "content-type-override", "application/octet-stream");
        String source = "tributary.stream.sources." + SHIPMENTS_SOURCE + ".";
        config.put(source + "source", "/stream/shipments");
        config.put(source + "subject", "/parcel/id");
        config.put(source + "time", "/scannedAt");
        config.put(source + "metrics.weightGrams", "/parcel/weightGrams");
        config.put(source + "metrics.dock", "/dock");
        config.put(source + "attributes.site", "header:site");
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
        return "http://127.0.0.1:" + ports.demoApi() + WeatherFeed.PATH;
    }

    public String ingestApiUrl() {
        return services.get("ingest-api").url();
    }

    /** The services by name, replicas included ({@code orchestrator-2}). */
    public Map<String, ServiceProcess> services() {
        return services;
    }

    /** For the status line: "all 5 up", or each service that is not simply up. */
    public String serviceStatus() {
        List<String> notes = new ArrayList<>();
        services.forEach((name, service) -> {
            String status = service.status();
            if (!status.equals("up")) {
                notes.add(name + " " + status);
            }
        });
        return notes.isEmpty() ? "all " + services.size() + " up" : String.join("; ", notes);
    }

    public String orchestratorUrl() {
        return services.get("orchestrator").url();
    }

    /** Stops services first (they flush and commit), then the infrastructure, in reverse start order. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                LOG.warnf("While stopping: %s", e.getMessage());
            }
        }
    }
}
