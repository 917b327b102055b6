package io.tributary.analytics.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.analytics.TestConfigs;
import io.tributary.contract.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The MQTT topic of a result, its window extensions and the bounded store of recent results. */
class ResultsUnitTest {
    @Test
    void theMqttTopicIsFlowThenSubjectWithWildcardsReplaced() {
        assertEquals(
                "tributary/results/boiler-stats/boiler-9",
                MqttResults.topic("tributary/results", "boiler-stats", "/iot/plant|boiler-9"));
        assertEquals(
                "p/a_b/site/1/dev_x_",
                MqttResults.topic("p", "a/b", "/iot|site/1/dev+x#"),
                "the subject's slashes stay levels; the flow is one level");
    }

    @Test
    void aWindowedResultCarriesItsBoundsAndCountAsExtensions() {
        JsonNode result = Json.MAPPER.valueToTree(
                Map.of("windowStart", "2026-01-01T00:00:00Z", "windowEnd", "2026-01-01T00:01:00Z", "count", 12));
        assertEquals(
                Map.of("windowstart", "2026-01-01T00:00:00Z", "windowend", "2026-01-01T00:01:00Z", "inputcount", 12),
                ResultWindow.extensions(result));
        assertEquals(Map.of(), ResultWindow.extensions(Json.MAPPER.valueToTree(Map.of("slept", 1))));
    }

    @Test
    void theStoreKeepsTheNewestAndFiltersByFlowNameOrRunAndSubject() {
        ResultStore store = new ResultStore(TestConfigs.analytics(10, Duration.ofMinutes(1), Duration.ofHours(1)));
        UUID run = UUID.randomUUID();
        for (int i = 0; i < 150; i++) {
            store.add(result(i % 2 == 0 ? "even" : "odd", i % 2 == 0 ? run : UUID.randomUUID(), "s" + (i % 3), i));
        }
        List<StoredResult> all = store.query(null, null, 1000);
        assertEquals(100, all.size(), "bounded by recent-results");
        assertEquals("r149", all.get(0).id(), "newest first");
        assertEquals(50, store.query("even", null, 1000).size());
        assertEquals(50, store.query(run.toString(), null, 1000).size());
        assertEquals(2, store.query("even", "s0", 2).size());
    }

    private static StoredResult result(String flow, UUID run, String subject, int i) {
        return new StoredResult(
                "r" + i, flow, run, UUID.randomUUID(), "t", "window-stats", 1, subject, Instant.EPOCH, null);
    }
}
