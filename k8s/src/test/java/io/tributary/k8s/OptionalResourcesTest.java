package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What production turns on (and the defaults leave off): autoscaling, budgets, monitors, the ingress, topics. */
class OptionalResourcesTest {
    @Test
    void offByDefault() {
        for (String kind :
                List.of("HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor", "Ingress", "KafkaTopic")) {
            assertEquals(List.of(), Chart.defaults().ofKind(kind), kind);
        }
    }

    @Test
    void autoscalersTargetTheirWorkloadWhichLeavesReplicasToThem() {
        Rendered production = Chart.production();
        Set<String> scaled = new TreeSet<>();
        for (JsonNode autoscaler : production.ofKind("HorizontalPodAutoscaler")) {
            JsonNode target = autoscaler.at("/spec/scaleTargetRef");
            JsonNode workload = production
                    .named(target.path("kind").asText(), target.path("name").asText())
                    .orElseThrow(() -> new AssertionError("no target " + target));
            assertTrue(workload.at("/spec/replicas").isMissingNode(), "the autoscaler owns the replica count");
            scaled.add(Rendered.service(workload));
        }
        assertEquals(Set.of("analytics", "ingest-stream", "orchestrator"), scaled);
    }

    @Test
    void budgetsAndMonitorsSelectTheirPods() {
        Rendered production = Chart.production();
        assertEquals(4, production.ofKind("PodDisruptionBudget").size());
        assertEquals(5, production.ofKind("ServiceMonitor").size());
        for (JsonNode selecting : production.ofKind("PodDisruptionBudget")) {
            assertSelectsAWorkload(production, selecting.at("/spec/selector/matchLabels"));
        }
        for (JsonNode monitor : production.ofKind("ServiceMonitor")) {
            assertSelectsAWorkload(production, monitor.at("/spec/selector/matchLabels"));
            assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
            assertEquals("management", monitor.at("/spec/endpoints/0/port").asText());
        }
    }

    @Test
    void ingressRoutesToTheOrchestratorApi() {
        JsonNode ingress = Chart.production().ofKind("Ingress").get(0);
        JsonNode backend = ingress.at("/spec/rules/0/http/paths/0/backend/service");
        assertEquals(Chart.RELEASE + "-orchestrator", backend.path("name").asText());
        assertEquals("http", backend.at("/port/name").asText());
        assertEquals("tributary-api-tls", ingress.at("/spec/tls/0/secretName").asText());
    }

    @Test
    void topicsOfTheContract() {
        Map<String, JsonNode> topics = new TreeMap<>();
        Chart.production()
                .ofKind("KafkaTopic")
                .forEach(t -> topics.put(t.at("/spec/topicName").asText(), t));
        assertEquals(
                Set.of(
                        "tributary.events",
                        "tributary.events.dlq",
                        "tributary.tasks",
                        "tributary.task-control",
                        "tributary.task-updates",
                        "tributary.task-types",
                        "tributary.runs",
                        "tributary.results"),
                topics.keySet());
        assertEquals(
                "compact",
                topics.get("tributary.task-types")
                        .at("/spec/config/cleanup.policy")
                        .asText());
        assertEquals(
                "platform",
                topics.get("tributary.events")
                        .at("/metadata/labels/strimzi.io~1cluster")
                        .asText());
        assertEquals(24, topics.get("tributary.events").at("/spec/partitions").asInt());
        // helm uninstall must not take the platform's events with it.
        topics.values()
                .forEach(topic -> assertEquals(
                        "keep",
                        topic.at("/metadata/annotations/helm.sh~1resource-policy")
                                .asText()));
    }

    private static void assertSelectsAWorkload(Rendered rendered, JsonNode matchLabels) {
        boolean selects = rendered.workloads().stream().anyMatch(workload -> {
            JsonNode podLabels = workload.at("/spec/template/metadata/labels");
            boolean[] all = {true};
            matchLabels.properties().forEach(l -> all[0] &= l.getValue().equals(podLabels.path(l.getKey())));
            return all[0];
        });
        assertTrue(selects, "selects no pods: " + matchLabels);
    }

    @Test
    void flowFilesAreMountedIntoTheOrchestratorsFlowsFolder() {
        Rendered production = Chart.production();
        JsonNode flows = production.named("ConfigMap", Chart.RELEASE + "-flows").orElseThrow();
        assertTrue(flows.at("/data/boiler-alarm.yaml").asText().contains("name: boiler-alarm"));
        JsonNode orchestrator =
                production.named("Deployment", Chart.RELEASE + "-orchestrator").orElseThrow();
        JsonNode container = orchestrator.at("/spec/template/spec/containers/0");
        assertTrue(container
                .path("env")
                .toString()
                .contains("{\"name\":\"TRIBUTARY_ORCHESTRATOR_FLOWS_DIRECTORY\","
                        + "\"value\":\"/etc/tributary/flows\"}"));
        assertTrue(container.path("volumeMounts").toString().contains("\"mountPath\":\"/etc/tributary/flows\""));
        assertTrue(orchestrator.at("/spec/template/spec/volumes").toString().contains(Chart.RELEASE + "-flows"));
        // Without flows, no folder: flows are managed over HTTP.
        assertTrue(Chart.defaults().named("ConfigMap", Chart.RELEASE + "-flows").isEmpty());
        assertTrue(!Chart.defaults().manifests().toString().contains("TRIBUTARY_ORCHESTRATOR_FLOWS_DIRECTORY"));
    }
}
