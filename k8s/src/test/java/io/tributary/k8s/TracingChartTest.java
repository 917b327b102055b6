package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Tracing on: every service gets the exporter's settings (keys it reads) and may reach the collector through its
 * NetworkPolicy; off, the default, neither.
 */
class TracingChartTest {
    private static final String ENDPOINT = "http://collector.observability:4317";

    @Test
    void onEveryServiceExportsToTheCollectorItMayReach() {
        Rendered traced = new Rendered(Chart.template(Map.of("tracing.enabled", true, "tracing.endpoint", ENDPOINT)));
        assertEquals(5, traced.workloads().size());
        for (JsonNode workload : traced.workloads()) {
            String service = Rendered.service(workload);
            Properties properties = traced.properties(workload);
            assertEquals("false", properties.getProperty("quarkus.otel.sdk.disabled"), service);
            assertEquals(ENDPOINT, properties.getProperty("quarkus.otel.exporter.otlp.traces.endpoint"), service);
            assertEquals("grpc", properties.getProperty("quarkus.otel.exporter.otlp.traces.protocol"), service);
            ServiceKeys keys = ServiceKeys.of(service);
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("quarkus.otel.")) {
                    assertTrue(keys.reads(key), service + " reads " + key);
                }
            }
            assertTrue(opensPort(traced, service, 4317), service + " may reach the collector");
        }
    }

    @Test
    void offByDefault() {
        Rendered defaults = Chart.defaults();
        for (JsonNode workload : defaults.workloads()) {
            String service = Rendered.service(workload);
            assertFalse(defaults.properties(workload).containsKey("quarkus.otel.sdk.disabled"), service);
            assertFalse(opensPort(defaults, service, 4317), service);
        }
    }

    private static boolean opensPort(Rendered rendered, String service, int port) {
        JsonNode policy = rendered.named("NetworkPolicy", Chart.RELEASE + "-" + service)
                .orElseThrow(() -> new AssertionError("no NetworkPolicy for " + service));
        for (JsonNode rule : policy.at("/spec/egress")) {
            for (JsonNode opened : rule.path("ports")) {
                if (opened.path("port").asInt() == port) {
                    return true;
                }
            }
        }
        return false;
    }
}
