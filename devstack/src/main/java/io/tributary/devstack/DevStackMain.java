package io.tributary.devstack;

import io.tributary.devstack.demo.DemoDevices;
import io.tributary.devstack.demo.DemoFlow;
import io.tributary.devstack.demo.DemoWebhooks;
import io.tributary.devstack.demo.UpstreamOrders;
import io.tributary.devstack.demo.WeatherFeed;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.StackLogging;
import io.tributary.devstack.stack.Stack;
import io.tributary.devstack.stack.StackPorts;
import io.tributary.devstack.stack.StatusReporter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * The local platform: infrastructure, the five services, demo sources and a demo flow, then a status line every few
 * seconds until Ctrl-C, which stops everything; a service that exits meanwhile is restarted. If the stack cannot
 * start, it says why and exits with status 1. Data lives in {@code .tributary/} (or TRIBUTARY_DATA_DIR), outside
 * {@code target/}, so it survives {@code mvn clean} and a restart continues where the last run stopped.
 */
public final class DevStackMain {
    private DevStackMain() {}

    public static void main(String[] args) throws InterruptedException {
        StackLogging.configure();
        Logger log = Logger.getLogger("tributary");
        Path root = Path.of(System.getProperty("tributary.root", "."))
                .toAbsolutePath()
                .normalize();
        String dataDirVariable = System.getenv("TRIBUTARY_DATA_DIR");
        Path dataDir = dataDirVariable != null ? Path.of(dataDirVariable) : root.resolve(".tributary");

        Deque<AutoCloseable> running = new ArrayDeque<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Stopping Tributary...");
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (Exception e) {
                    log.warnf("While stopping: %s", e.getMessage());
                }
            }
            stopped.countDown();
        }));

        long start = System.nanoTime();
        Stack stack;
        try {
            StackPorts ports = StackPorts.fixed();
            running.push(new JsonHttpServer(ports.demoApi(), WeatherFeed.PATH, new WeatherFeed()));
            stack = Stack.start(root, dataDir, ports, true, Stack.localDevelopment(ports));
            running.push(stack);
            DemoFlow.register(stack.orchestratorUrl(), stack.apiKey());
            running.push(new DemoDevices(stack.mqttPort()));
            running.push(new UpstreamOrders(stack.kafkaBootstrapServers()));
            running.push(new DemoWebhooks(stack.ingestApiUrl()));
        } catch (RuntimeException e) {
            // Exit, rather than return from main: the servers started so far have threads that keep a JVM alive.
            log.errorf("Tributary cannot start: %s", reasons(e));
            log.debug("Start failure", e);
            System.exit(1);
            return;
        }

        log.infof(
                """

                Tributary is up in %.1f s (data in %s)
                  Dashboard          %s/
                  Orchestrator API   %s/flows  %s/runs   (OpenAPI: %s/q/openapi, Swagger UI: %s/q/swagger-ui)
                  Kafka              %s   topics tributary.events, .runs, .tasks, .task-updates, .results, .events.dlq
                  MQTT (%s)   127.0.0.1:%d   devices publish to tributary/<device>/telemetry
                  PostgreSQL (%s)   %s
                  Demo HTTP API      %s   (polled by ingest-api with a cursor and ETag; GET %s/sources)
                  Demo webhooks      %s/webhooks/%s   (signed sales, Stripe-style)
                  Upstream topic     %s   (read by ingest-stream)
                  Health, metrics    %s/q/health  (each service's API port + 1000)
                  Service logs       %s
                Ctrl-C stops everything.
                """,
                (System.nanoTime() - start) / 1e9,
                dataDir,
                stack.orchestratorUrl(),
                stack.orchestratorUrl(),
                stack.orchestratorUrl(),
                stack.orchestratorUrl(),
                stack.orchestratorUrl(),
                stack.kafkaBootstrapServers(),
                stack.mqttKind(),
                stack.mqttPort(),
                stack.postgresKind(),
                stack.postgresJdbcUrl(),
                stack.demoApiUrl(),
                stack.ingestApiUrl(),
                stack.ingestApiUrl(),
                DemoWebhooks.SOURCE,
                Stack.UPSTREAM_TOPIC,
                stack.services().get("orchestrator").managementUrl(),
                dataDir.resolve("logs"));
        running.push(new StatusReporter(stack.kafkaBootstrapServers(), Duration.ofSeconds(5), stack::serviceStatus));
        stopped.await();
    }

    /** The failure's message and its causes' messages, which name what went wrong without a stack trace. */
    private static String reasons(Throwable failure) {
        StringBuilder reasons = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !reasons.toString().contains(cause.getMessage())) {
                reasons.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return reasons.toString();
    }
}
