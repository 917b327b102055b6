package io.tributary.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points ingest-stream's upstream Kafka sources ({@code upstream.bootstrap.servers}) at the JVM's second cluster. */
public class UpstreamKafkaTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        return Map.of(
                "upstream.bootstrap.servers", UpstreamInfrastructure.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops when the JVM exits.
    }
}
