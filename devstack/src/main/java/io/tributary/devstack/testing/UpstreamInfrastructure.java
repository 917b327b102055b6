package io.tributary.devstack.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.devstack.infra.KafkaBroker;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.RabbitBroker;
import io.tributary.devstack.infra.TemporaryDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The brokers of "other teams" a test of ingest-stream reads from, one of each per test JVM and started on first use:
 * a second Kafka cluster (separate from {@link SharedInfrastructure#kafka()}, Tributary's own) and an AMQP 0-9-1
 * broker ({@link RabbitBroker}: the machine's RabbitMQ when one runs, else embedded Qpid). They stop when the JVM
 * exits, after Tributary's own brokers' clients are done with them.
 */
public final class UpstreamInfrastructure {
    /** Set to {@code true} to use the embedded AMQP broker even where a RabbitMQ runs on 5672. */
    public static final String EMBEDDED_RABBIT_PROPERTY = "tributary.test.rabbitmq.embedded";

    private static final List<AutoCloseable> STARTED = new ArrayList<>();
    private static KafkaBroker kafka;
    private static KafkaCompanion companion;
    private static RabbitBroker rabbit;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(UpstreamInfrastructure::stopAll, "stop-upstream-brokers"));
    }

    private UpstreamInfrastructure() {}

    /** A second Kafka cluster, standing in for another team's. */
    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            TemporaryDirectory data = started(new TemporaryDirectory("tributary-upstream-kafka"));
            kafka = started(KafkaBroker.start(Ports.free(), data.path(), 2));
        }
        return kafka;
    }

    /** Test producers and consumers on the second Kafka cluster. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = started(new KafkaCompanion(kafka().bootstrapServers()));
        }
        return companion;
    }

    public static synchronized RabbitBroker rabbit() {
        if (rabbit == null) {
            TemporaryDirectory work = started(new TemporaryDirectory("tributary-qpid"));
            rabbit = started(
                    RabbitBroker.start(Ports.free(), work.path(), !Boolean.getBoolean(EMBEDDED_RABBIT_PROPERTY)));
        }
        return rabbit;
    }

    private static <T extends AutoCloseable> T started(T resource) {
        STARTED.add(resource);
        return resource;
    }

    private static synchronized void stopAll() {
        List<AutoCloseable> newestFirst = new ArrayList<>(STARTED);
        Collections.reverse(newestFirst);
        Resources.closeAll(newestFirst.toArray(AutoCloseable[]::new));
    }
}
