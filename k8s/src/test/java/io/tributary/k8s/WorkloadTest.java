package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every workload of both renders: probes on the real health endpoints, resources, locked down, stable selectors. */
class WorkloadTest {
    static final Set<String> SERVICES =
            Set.of("orchestrator", "analytics", "ingest-iot", "ingest-api", "ingest-stream");

    static Stream<Arguments> workloads() {
        return Chart.renders().flatMap(args -> {
            Rendered rendered = (Rendered) args.get()[1];
            return rendered.workloads().stream()
                    .map(w -> Arguments.of(
                            args.get()[0] + " " + w.at("/metadata/name").asText(), rendered, w));
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tributary.k8s.Chart#renders")
    void everyServiceHasOneWorkload(String values, Rendered rendered) {
        Map<String, String> kinds = new HashMap<>();
        rendered.workloads()
                .forEach(w -> kinds.put(Rendered.service(w), w.path("kind").asText()));
        assertEquals(SERVICES, kinds.keySet(), values);
        // A stable pod name is ingest-iot's MQTT client id: the broker keeps its session across restarts.
        assertEquals("StatefulSet", kinds.get("ingest-iot"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void probesHitTheQuarkusHealthEndpointsOnTheManagementPort(String name, Rendered rendered, JsonNode workload) {
        JsonNode container = Rendered.container(workload);
        Properties properties = rendered.properties(workload);
        int listens = Integer.parseInt(properties.getProperty("quarkus.management.port"));
        assertNotEquals(Integer.parseInt(properties.getProperty("quarkus.http.port")), listens);
        Map<String, String> paths = Map.of(
                "startupProbe", "/q/health/started",
                "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        paths.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), probe);
            assertEquals(listens, containerPort(container, get.path("port")), probe + " port");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void requestsAndMemoryLimit(String name, Rendered rendered, JsonNode workload) {
        JsonNode resources = Rendered.container(workload).path("resources");
        assertFalse(resources.at("/requests/cpu").asText().isEmpty());
        assertFalse(resources.at("/requests/memory").asText().isEmpty());
        assertFalse(resources.at("/limits/memory").asText().isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void lockedDown(String name, Rendered rendered, JsonNode workload) {
        JsonNode pod = workload.at("/spec/template/spec");
        JsonNode security = Rendered.container(workload).path("securityContext");
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true));
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertEquals(
                "RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
        assertTrue(security.path("runAsNonRoot").asBoolean());
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean());
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", security.at("/capabilities/drop").toString());
        assertFalse(security.path("privileged").asBoolean(false));
        // With a read-only root, /tmp must be a writable emptyDir.
        JsonNode volume = volume(pod, mountAt(Rendered.container(workload), "/tmp"));
        assertTrue(volume.has("emptyDir"), "/tmp is an emptyDir: " + volume);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void selectorIsStableAndSelectsThePods(String name, Rendered rendered, JsonNode workload) {
        JsonNode selector = workload.at("/spec/selector/matchLabels");
        assertEquals(Set.of("app.kubernetes.io/name", "app.kubernetes.io/instance"), fieldNames(selector));
        assertEquals(
                Rendered.service(workload),
                selector.path("app.kubernetes.io/name").asText());
        assertEquals(Chart.RELEASE, selector.path("app.kubernetes.io/instance").asText());
        JsonNode podLabels = workload.at("/spec/template/metadata/labels");
        selector.properties().forEach(label -> assertEquals(label.getValue(), podLabels.path(label.getKey())));
        Service service = Service.of(rendered, Rendered.service(workload));
        assertEquals(selector, service.selector());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("workloads")
    void configChangeRollsThePods(String name, Rendered rendered, JsonNode workload) {
        String checksum = workload.at("/spec/template/metadata/annotations")
                .path("checksum/config")
                .asText();
        assertTrue(checksum.matches("[0-9a-f]{64}"), checksum);
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        throw new AssertionError("the container exposes no port " + port);
    }

    private static String mountAt(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                return mount.path("name").asText();
            }
        }
        throw new AssertionError("nothing mounted at " + path);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The Service in front of a workload. */
    record Service(JsonNode manifest) {
        static Service of(Rendered rendered, String service) {
            return new Service(rendered.named("Service", Chart.RELEASE + "-" + service)
                    .orElseThrow(() -> new AssertionError("no Service for " + service)));
        }

        JsonNode selector() {
            return manifest.at("/spec/selector");
        }
    }
}
