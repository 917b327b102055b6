package io.tributary.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard ships in the chart as a ConfigMap the Grafana sidecar loads, and it queries the metrics the
 * services expose (as docs/observability.md lists them), so a metric renamed in a service and its docs but not here
 * fails the build instead of showing an empty panel.
 */
class DashboardTest {
    private static final String NAME = Chart.RELEASE + "-dashboard";
    private static final Pattern METRIC = Pattern.compile("\\b(tributary_[a-z_]+|kafka_[a-z_]+)\\b");

    @Test
    void aConfigMapLabelledForTheGrafanaSidecarHoldsTheDashboard() throws IOException {
        JsonNode map = Chart.defaults().named("ConfigMap", NAME).orElseThrow();
        assertEquals("1", map.at("/metadata/labels/grafana_dashboard").asText());
        String json = map.at("/data/tributary.json").asText();
        assertEquals(
                Files.readString(Chart.DIR.resolve("dashboards/tributary.json")).strip(),
                json.strip(),
                "the ConfigMap holds the repository's dashboard as it is");
        JsonNode dashboard = new ObjectMapper().readTree(json);
        assertEquals("tributary-overview", dashboard.path("uid").asText());
        assertTrue(dashboard.path("panels").size() >= 12, "the overview's panels");
    }

    @Test
    void theSidecarLabelCanBeChangedAndTheConfigMapSwitchedOff() {
        JsonNode relabelled = new Rendered(Chart.template(
                        Map.of("grafanaDashboard.label", "dashboards", "grafanaDashboard.labelValue", "tributary")))
                .named("ConfigMap", NAME)
                .orElseThrow();
        assertEquals("tributary", relabelled.at("/metadata/labels/dashboards").asText());
        assertTrue(relabelled.at("/metadata/labels/grafana_dashboard").isMissingNode());
        assertTrue(new Rendered(Chart.template(Map.of("grafanaDashboard.enabled", false)))
                .named("ConfigMap", NAME)
                .isEmpty());
    }

    @Test
    void everyPanelQueriesDocumentedMetricsAndTheIssuesAreAllThere() throws IOException {
        String docs = Files.readString(Chart.ROOT.resolve("docs/observability.md"));
        JsonNode dashboard =
                new ObjectMapper().readTree(Files.readString(Chart.DIR.resolve("dashboards/tributary.json")));
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = METRIC.matcher(target.path("expr").asText());
                while (metric.find()) {
                    queried.add(metric.group(1));
                }
            }
        }
        for (String metric : queried) {
            String family = metric.replaceAll("_(bucket|count|sum)$", "");
            assertTrue(
                    docs.contains("`" + metric + "`") || docs.contains("`" + family + "`"),
                    metric + " is queried by the dashboard but not documented in docs/observability.md");
        }
        assertTrue(
                queried.containsAll(List.of(
                        "tributary_events_in_total",
                        "tributary_events_out_total",
                        "tributary_events_dlq_total",
                        "tributary_source_up",
                        "tributary_trigger_evaluations_total",
                        "tributary_trigger_firings_total",
                        "tributary_runs_transitions_total",
                        "tributary_task_run_duration_seconds_bucket",
                        "tributary_task_execution_duration_seconds_bucket",
                        "tributary_result_publish_latency_seconds_bucket",
                        "tributary_outbox_backlog",
                        "kafka_consumer_fetch_manager_records_lag_max")),
                queried::toString);
    }
}
