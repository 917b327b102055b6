package io.tributary.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.devstack.infra.RabbitBroker;
import java.util.Map;

/** Points a {@code @QuarkusTest}'s RabbitMQ channels at the JVM's AMQP 0-9-1 broker. */
public class RabbitTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        RabbitBroker rabbit = UpstreamInfrastructure.rabbit();
        return Map.of(
                "rabbitmq-host",
                rabbit.host(),
                "rabbitmq-port",
                Integer.toString(rabbit.port()),
                "rabbitmq-username",
                RabbitBroker.USER,
                "rabbitmq-password",
                RabbitBroker.PASSWORD);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops when the JVM exits.
    }
}
