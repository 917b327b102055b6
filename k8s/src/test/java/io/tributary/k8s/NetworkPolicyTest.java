package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The NetworkPolicies allow exactly the flows of docs/ARCHITECTURE.md: every service to Kafka, the orchestrator to
 * PostgreSQL, ingest-iot to the MQTT broker, ingest-api to PostgreSQL and its HTTP sources, ingest-stream to its upstream brokers;
 * into the platform only the orchestrator API (and Prometheus when it scrapes). Rules are compared as the sets of
 * ports they open, with the peers the values name.
 */
class NetworkPolicyTest {
    @Test
    void productionFlows() {
        Rendered production = Chart.production();
        // Every service fetches the identity provider's keys (JWKS, 443) to verify bearer tokens.
        Set<Set<Integer>> kafka = Set.of(Set.of(9093), Set.of(443));
        assertEquals(union(kafka, Set.of(Set.of(5432))), egress(production, "orchestrator"));
        assertEquals(kafka, egress(production, "analytics"));
        assertEquals(union(kafka, Set.of(Set.of(8883))), egress(production, "ingest-iot"));
        assertEquals(union(kafka, Set.of(Set.of(5432))), egress(production, "ingest-api"));
        assertEquals(union(kafka, Set.of(Set.of(9092))), egress(production, "ingest-stream"));

        // The API from the ingress controller and metrics (on the management port) from monitoring into the
        // orchestrator; metrics only elsewhere.
        assertEquals(Set.of(Set.of(8080), Set.of(9000)), ingress(production, "orchestrator"));
        assertEquals(Set.of("ingress-nginx", "monitoring"), ingressNamespaces(policy(production, "orchestrator")));
        for (String service : Set.of("analytics", "ingest-iot", "ingest-api", "ingest-stream")) {
            assertEquals(Set.of("monitoring"), ingressNamespaces(policy(production, service)), service);
            assertEquals(Set.of(Set.of(9000)), ingress(production, service), service);
        }
        JsonNode toKafka = policy(production, "analytics").at("/spec/egress/0/to/0");
        assertEquals(
                "kafka",
                toKafka.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                        .asText());
    }

    @Test
    void defaultFlows() {
        Rendered defaults = Chart.defaults();
        Set<Set<Integer>> kafka = Set.of(Set.of(9092));
        assertEquals(union(kafka, Set.of(Set.of(5432))), egress(defaults, "orchestrator"));
        assertEquals(kafka, egress(defaults, "analytics"));
        assertEquals(union(kafka, Set.of(Set.of(1883))), egress(defaults, "ingest-iot"));
        assertEquals(union(kafka, Set.of(Set.of(5432), Set.of(80, 443))), egress(defaults, "ingest-api"));
        assertEquals(union(kafka, Set.of(Set.of(9092, 5672, 6650))), egress(defaults, "ingest-stream"));
        assertEquals(Set.of(Set.of(8080)), ingress(defaults, "orchestrator"));
        for (String service : Set.of("analytics", "ingest-iot", "ingest-api", "ingest-stream")) {
            assertEquals(Set.of(), ingress(defaults, service), service);
        }
    }

    @Test
    void everythingElseIsDeniedButNameResolution() {
        for (Rendered rendered : Set.of(Chart.defaults(), Chart.production())) {
            JsonNode deny = rendered.named("NetworkPolicy", Chart.RELEASE + "-default-deny")
                    .orElseThrow();
            assertEquals(
                    "[\"Ingress\",\"Egress\"]", deny.at("/spec/policyTypes").toString());
            assertTrue(deny.at("/spec/ingress").isMissingNode());
            assertEquals(Set.of(Set.of(53)), ports(deny.at("/spec/egress")));
            // Selects every pod of the release.
            for (JsonNode workload : rendered.workloads()) {
                assertSelects(deny, workload);
                assertSelects(policy(rendered, Rendered.service(workload)), workload);
            }
        }
    }

    private static void assertSelects(JsonNode policy, JsonNode workload) {
        JsonNode podLabels = workload.at("/spec/template/metadata/labels");
        policy.at("/spec/podSelector/matchLabels")
                .properties()
                .forEach(label -> assertEquals(
                        label.getValue(), podLabels.path(label.getKey()), policy.at("/metadata/name") + ""));
    }

    private static JsonNode policy(Rendered rendered, String service) {
        return rendered.named("NetworkPolicy", Chart.RELEASE + "-" + service)
                .orElseThrow(() -> new AssertionError("no NetworkPolicy for " + service));
    }

    private static Set<Set<Integer>> egress(Rendered rendered, String service) {
        return ports(policy(rendered, service).at("/spec/egress"));
    }

    private static Set<Set<Integer>> ingress(Rendered rendered, String service) {
        return ports(policy(rendered, service).at("/spec/ingress"));
    }

    /** Each rule as the set of ports it opens (UDP and TCP alike). */
    private static Set<Set<Integer>> ports(JsonNode rules) {
        Set<Set<Integer>> opened = new HashSet<>();
        for (JsonNode rule : rules) {
            Set<Integer> ports = new TreeSet<>();
            rule.path("ports").forEach(port -> ports.add(port.path("port").asInt()));
            opened.add(ports);
        }
        return opened;
    }

    private static Set<String> ingressNamespaces(JsonNode policy) {
        Set<String> namespaces = new TreeSet<>();
        for (JsonNode rule : policy.at("/spec/ingress")) {
            rule.path("from")
                    .forEach(peer -> namespaces.add(peer.at("/namespaceSelector/matchLabels")
                            .path("kubernetes.io/metadata.name")
                            .asText()));
        }
        return namespaces;
    }

    @SafeVarargs
    private static Set<Set<Integer>> union(Set<Set<Integer>>... sets) {
        Set<Set<Integer>> all = new HashSet<>();
        for (Set<Set<Integer>> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
