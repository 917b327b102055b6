package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the chart hands a service, environment and mounted properties, names what that service really reads: the
 * keys of its application.properties and of its {@code @ConfigMapping} interfaces. A key renamed in a service, and
 * not in the chart, fails here.
 */
class ServiceConfigTest {
    /** Every Kafka client setting: Quarkus passes KAFKA_X_Y to every Kafka channel as x.y. */
    private static final Set<String> KAFKA_SETTINGS = kafkaSettings();

    /**
     * Framework keys the chart sets that no application.properties may hold: credentials come from Secrets only
     * (CONVENTIONS.md).
     */
    private static final Map<String, Set<String>> SECRET_KEYS = Map.of(
            "orchestrator", Set.of("quarkus.datasource.password"),
            "ingest-api", Set.of("quarkus.datasource.password"));

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\..+");

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tributary.k8s.WorkloadTest#workloads")
    void everyVariableNamesAKeyTheServiceReads(String name, Rendered rendered, JsonNode workload) {
        String service = Rendered.service(workload);
        ServiceKeys keys = ServiceKeys.of(service);
        List<String> unknown = new ArrayList<>();
        for (JsonNode env : Rendered.container(workload).path("env")) {
            String variable = env.path("name").asText();
            if (!readsVariable(service, keys, variable)) {
                unknown.add(variable);
            }
        }
        assertEquals(
                List.of(),
                unknown,
                () -> "variables " + service + " does not read (application.properties, @ConfigMapping)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tributary.k8s.WorkloadTest#workloads")
    void everyMountedPropertyIsAKeyTheServiceReads(String name, Rendered rendered, JsonNode workload) {
        String service = Rendered.service(workload);
        ServiceKeys keys = ServiceKeys.of(service);
        Properties properties = rendered.properties(workload);
        Set<String> channels = sourceChannels(keys, properties);
        List<String> unknown = new ArrayList<>();
        for (String key : properties.stringPropertyNames()) {
            Matcher channel = CHANNEL.matcher(key);
            // A source's channel takes its connector's own attributes, which no service lists.
            boolean sourceChannel = channel.matches() && channels.contains(channel.group(1));
            if (!sourceChannel && !keys.reads(key)) {
                unknown.add(key);
            }
        }
        assertEquals(
                List.of(),
                unknown,
                () -> "properties " + service + " does not read (application.properties, @ConfigMapping)");
    }

    @Test
    void theServicesSeeTheirInfrastructure() {
        assertEnv("analytics", "KAFKA_BOOTSTRAP_SERVERS", "/value", "platform-kafka-bootstrap.kafka.svc:9093");
        assertEnv("ingest-api", "KAFKA_SASL_JAAS_CONFIG", "/valueFrom/secretKeyRef/key", "sasl.jaas.config");
        assertEnv("orchestrator", "QUARKUS_DATASOURCE_PASSWORD", "/valueFrom/secretKeyRef/name", "tributary-db-app");
        // ingest-api keeps its source state and leases in the same database.
        assertEnv("ingest-api", "QUARKUS_DATASOURCE_PASSWORD", "/valueFrom/secretKeyRef/name", "tributary-db-app");
        // Each ingest-iot replica presents its own pod name: distinct, and the same after a restart.
        assertEnv("ingest-iot", "TRIBUTARY_IOT_CLIENT_ID", "/valueFrom/fieldRef/fieldPath", "metadata.name");
        assertEnv("ingest-iot", "TRIBUTARY_IOT_PASSWORD_FILE", "/value", "/etc/tributary/mqtt/password");
    }

    /** The Secrets ingest-api's sources read as {@code file:/etc/tributary/<secret>/<key>} are mounted there. */
    @Test
    void ingestApiMountsTheSecretsOfItsSources() {
        JsonNode workload = Chart.production().workloads().stream()
                .filter(w -> Rendered.service(w).equals("ingest-api"))
                .findFirst()
                .orElseThrow();
        for (String secret : List.of("weather-api", "github-webhook")) {
            assertTrue(
                    Rendered.container(workload)
                            .path("volumeMounts")
                            .findValuesAsText("mountPath")
                            .contains("/etc/tributary/" + secret),
                    secret);
            assertTrue(
                    workload.at("/spec/template/spec/volumes")
                            .findValuesAsText("secretName")
                            .contains(secret),
                    secret);
        }
    }

    /** The checker itself: a misspelt or renamed key is refused, so the tests above can fail. */
    @Test
    void aKeyNoServiceReadsIsRefused() {
        ServiceKeys iot = ServiceKeys.of("ingest-iot");
        assertTrue(iot.readsEnv("TRIBUTARY_IOT_TLS_TRUST_CERTIFICATE"));
        assertTrue(iot.reads("tributary.iot.subscriptions.plant.shared-group"));
        assertFalse(iot.readsEnv("TRIBUTARY_IOT_TLS_TRUST_CERT"));
        assertFalse(iot.reads("tributary.iot.subscriptions.plant.group"));
        assertFalse(ServiceKeys.of("analytics").readsEnv("TRIBUTARY_IOT_HOST"));
        assertFalse(readsVariable("analytics", ServiceKeys.of("analytics"), "KAFKA_SASL_JAAS"));
    }

    private static boolean readsVariable(String service, ServiceKeys keys, String variable) {
        if (variable.startsWith("KAFKA_")) {
            String setting = variable.substring("KAFKA_".length())
                    .toLowerCase(Locale.ROOT)
                    .replace('_', '.');
            return KAFKA_SETTINGS.contains(setting);
        }
        boolean secret = SECRET_KEYS.getOrDefault(service, Set.of()).stream()
                .anyMatch(key -> ServiceKeys.envName(key).equals(variable));
        return secret || keys.readsEnv(variable);
    }

    /** ingest-stream's sources: a channel with a mapping, in the image's properties or the chart's. */
    private static Set<String> sourceChannels(ServiceKeys keys, Properties properties) {
        Set<String> channels = new HashSet<>();
        Pattern source = Pattern.compile("tributary\\.stream\\.sources\\.([^.]+)\\..+");
        List<String> names = new ArrayList<>(properties.stringPropertyNames());
        names.addAll(keys.keys());
        for (String key : names) {
            Matcher matcher = source.matcher(key);
            if (matcher.matches() && !matcher.group(1).equals("*")) {
                channels.add(matcher.group(1));
            }
        }
        return channels;
    }

    /** The production render gives the service's variable this value at this JSON pointer. */
    private static void assertEnv(String service, String variable, String pointer, String expected) {
        JsonNode workload = Chart.production().workloads().stream()
                .filter(w -> Rendered.service(w).equals(service))
                .findFirst()
                .orElseThrow();
        for (JsonNode env : Rendered.container(workload).path("env")) {
            if (env.path("name").asText().equals(variable)) {
                assertEquals(expected, env.at(pointer).asText(), service + " " + variable);
                return;
            }
        }
        throw new AssertionError(service + " has no " + variable);
    }

    private static Set<String> kafkaSettings() {
        Set<String> settings = new HashSet<>(ProducerConfig.configNames());
        settings.addAll(ConsumerConfig.configNames());
        return settings;
    }
}
