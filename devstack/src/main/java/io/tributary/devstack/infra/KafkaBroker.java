package io.tributary.devstack.infra;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import java.nio.file.Path;

/**
 * A real single-node Kafka broker in KRaft mode, in this JVM. Its log directory and cluster id are fixed per data
 * directory, so a restart of the local stack finds its topics, offsets and messages again.
 */
public final class KafkaBroker implements AutoCloseable {
    private final EmbeddedKafkaBroker broker;

    private KafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
    }

    /**
     * @param dataDir where the log lives; it is kept on close, so a restart on the same directory resumes
     * @param partitions default partitions of auto-created topics: more than one, so keying matters as in production
     */
    public static KafkaBroker start(int port, Path dataDir, int partitions) {
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker()
                .withKafkaHost("localhost")
                .withKafkaPort(port)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("num.partitions", Integer.toString(partitions));
                    props.put("auto.create.topics.enable", "true");
                    props.put("log.flush.interval.messages", "1");
                    props.put("group.initial.rebalance.delay.ms", "0");
                    props.put("log.dir", dataDir.toAbsolutePath().toString());
                });
        // A stable cluster id, so the formatted log directory is reused after a restart.
        return new KafkaBroker(broker.withClusterId("tributary-devstack-0000").start());
    }

    public String bootstrapServers() {
        return broker.getAdvertisedListeners().replace("PLAINTEXT://", "");
    }

    @Override
    public void close() {
        broker.close();
    }
}
