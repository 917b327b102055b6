package io.tributary.devstack.testing;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.tributary.devstack.infra.KafkaBroker;
import io.tributary.devstack.infra.MqttBroker;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.infra.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One broker of each kind per test JVM, started on first use on a free port and stopped when the JVM exits: test
 * classes share them instead of paying a broker start each.
 */
public final class SharedInfrastructure {
    private static KafkaBroker kafka;
    private static KafkaCompanion companion;
    private static MqttBroker mqtt;
    private static PostgresServer postgres;

    private SharedInfrastructure() {}

    public static synchronized KafkaBroker kafka() {
        if (kafka == null) {
            kafka = KafkaBroker.start(Ports.free(), null, 2);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    /** A Kafka companion (test producers and consumers) on the shared broker. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(kafka().bootstrapServers());
            Runtime.getRuntime().addShutdownHook(new Thread(companion::close));
        }
        return companion;
    }

    public static synchronized MqttBroker mqtt() {
        if (mqtt == null) {
            mqtt = MqttBroker.start(Ports.free(), tempDir("tributary-mqtt"));
            Runtime.getRuntime().addShutdownHook(new Thread(mqtt::close));
        }
        return mqtt;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start(Ports.free(), tempDir("tributary-pg"), false);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        }
        return postgres;
    }

    private static Path tempDir(String prefix) {
        try {
            Path dir = Files.createTempDirectory(prefix);
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
