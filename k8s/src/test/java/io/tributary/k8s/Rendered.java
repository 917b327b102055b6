package io.tributary.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/** The manifests of one render, with the look-ups the tests share. */
record Rendered(List<JsonNode> manifests) {
    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet");

    List<JsonNode> ofKind(String kind) {
        return manifests.stream()
                .filter(m -> kind.equals(m.path("kind").asText()))
                .toList();
    }

    List<JsonNode> workloads() {
        return manifests.stream()
                .filter(m -> WORKLOAD_KINDS.contains(m.path("kind").asText()))
                .toList();
    }

    Optional<JsonNode> named(String kind, String name) {
        return ofKind(kind).stream()
                .filter(m -> name.equals(m.at("/metadata/name").asText()))
                .findFirst();
    }

    /** The service a workload runs: its app.kubernetes.io/name, which is also its Maven module. */
    static String service(JsonNode workload) {
        return workload.at("/metadata/labels").path("app.kubernetes.io/name").asText();
    }

    static JsonNode container(JsonNode workload) {
        return workload.at("/spec/template/spec/containers/0");
    }

    /** The properties the chart mounts as the service's config/application.properties. */
    Properties properties(JsonNode workload) {
        String configMap = "";
        for (JsonNode volume : workload.at("/spec/template/spec/volumes")) {
            if ("config".equals(volume.path("name").asText())) {
                configMap = volume.at("/configMap/name").asText();
            }
        }
        JsonNode map = named("ConfigMap", configMap)
                .orElseThrow(() -> new AssertionError("no ConfigMap for " + workload.at("/metadata/name")));
        Properties properties = new Properties();
        try {
            properties.load(
                    new StringReader(map.at("/data/application.properties").asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
