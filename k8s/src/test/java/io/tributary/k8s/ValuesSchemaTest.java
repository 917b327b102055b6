package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong values fail helm template (and so install and upgrade) with a message naming the value and the rule. */
class ValuesSchemaTest {
    @Test
    void missingKafkaBootstrap() {
        assertRefused(Map.of("kafka.bootstrapServers", ""), "kafka.bootstrapServers: String length must be greater");
    }

    @Test
    void kafkaBootstrapWithoutPort() {
        assertRefused(Map.of("kafka.bootstrapServers", "kafka"), "kafka.bootstrapServers: Does not match pattern");
    }

    @Test
    void negativeReplicas() {
        assertRefused(
                Map.of("services.analytics.replicas", -1),
                "services.analytics.replicas: Must be greater than or equal to 0");
    }

    @Test
    void unknownImageMode() {
        assertRefused(Map.of("image.mode", "wasm"), "image.mode must be one of the following: \"jvm\", \"native\"");
        assertRefused(Map.of("services.orchestrator.image.mode", "graal"), "services.orchestrator.image.mode");
    }

    @Test
    void saslWithoutItsSecret() {
        assertRefused(Map.of("kafka.securityProtocol", "SASL_SSL"), "kafka.sasl.jaasConfigSecret.name");
    }

    @Test
    void misspeltKey() {
        assertRefused(Map.of("services.analytics.replica", 2), "replica");
    }

    @Test
    void ingestIotReplicasWithoutSharedGroup() {
        assertRefused(
                Map.of("services.ingest-iot.replicas", 2),
                "more than one replica needs tributary.iot.subscriptions.telemetry.shared-group");
    }

    private static void assertRefused(Map<String, Object> values, String expected) {
        Exception refused = assertThrows(Exception.class, () -> Chart.template(values));
        assertTrue(refused.getMessage().contains(expected), () -> "expected \"" + expected + "\" in:\n" + refused);
    }
}
