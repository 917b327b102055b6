package io.tributary.devstack.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.devstack.infra.KafkaBroker;
import io.tributary.devstack.infra.MqttBroker;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.PostgresServer;
import io.tributary.devstack.infra.TemporaryDirectory;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One broker of each kind per test JVM, started on first use on a free port: test classes share them instead of
 * paying a broker start each. One shutdown hook stops them in reverse start order, then deletes their data, so
 * nothing outlives the JVM.
 */
public final class SharedInfrastructure {
    private static final Deque<AutoCloseable> STARTED = new ArrayDeque<>();
    private static KafkaBroker kafka;
    private static KafkaCompanion companion;
    private static MqttBroker mqtt;
    private static PostgresServer postgres;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedInfrastructure::stopAll, "stop-shared-infrastructure"));
    }

    private SharedInfrastructure() {}

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = track(KafkaBroker.start(
                    Ports.free(),
                    track(new TemporaryDirectory("tributary-kafka")).path(),
                    2));
        }
        return kafka;
    }

    /** A Kafka companion (test producers and consumers) on the shared broker. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = track(new KafkaCompanion(kafka().bootstrapServers()));
        }
        return companion;
    }

    public static synchronized MqttBroker mqtt() {
        if (mqtt == null) {
            mqtt = track(MqttBroker.start(
                    Ports.free(),
                    track(new TemporaryDirectory("tributary-mqtt")).path()));
        }
        return mqtt;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = track(PostgresServer.start(
                    Ports.free(), track(new TemporaryDirectory("tributary-pg")).path(), false));
        }
        return postgres;
    }

    private static <T extends AutoCloseable> T track(T resource) {
        STARTED.push(resource);
        return resource;
    }

    private static synchronized void stopAll() {
        while (!STARTED.isEmpty()) {
            try {
                STARTED.pop().close();
            } catch (Exception e) {
                // Keep stopping the rest: the JVM is exiting.
            }
        }
    }
}
