package io.tributary.stream.intake;

import io.quarkus.test.common.QuarkusTestResource;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.RabbitTestResource;
import io.tributary.devstack.testing.UpstreamKafkaTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Tributary's Kafka and the upstream brokers (a second Kafka cluster, RabbitMQ or embedded Qpid), the same set on
 * every test class, so that they all share one application start.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(UpstreamKafkaTestResource.class)
@QuarkusTestResource(RabbitTestResource.class)
@interface UpstreamBrokers {}
