package io.tributary.iot.subscription;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicTemplateTest {
    @Test
    void namedLevelsBecomeSingleLevelWildcardsAndAreReadBack() {
        TopicTemplate template = new TopicTemplate("sites/{site}/devices/{device}/{metric}");
        assertEquals("sites/+/devices/+/+", template.filter());
        assertEquals(
                Optional.of(Map.of("site", "berlin", "device", "pump-1", "metric", "temperature")),
                template.match("sites/berlin/devices/pump-1/temperature"));
        assertEquals(Optional.empty(), template.match("sites/berlin/devices/pump-1"));
        assertEquals(Optional.empty(), template.match("sites/berlin/gateways/pump-1/temperature"));
        assertEquals(Optional.empty(), template.match("sites/berlin/devices/pump-1/temperature/extra"));
        assertTrue(template.names("device"));
        assertFalse(template.names("building"));
    }

    @Test
    void plainWildcardsKeepTheirMqttMeaning() {
        TopicTemplate template = new TopicTemplate("plant/+/{device}/#");
        assertEquals("plant/+/{device}/#".replace("{device}", "+"), template.filter());
        assertEquals(Optional.of(Map.of("device", "d1")), template.match("plant/hall-2/d1/a/b"));
        assertEquals(Optional.of(Map.of("device", "d1")), template.match("plant/hall-2/d1"));
        assertEquals(Optional.empty(), template.match("other/hall-2/d1/a"));
    }

    @Test
    void anEmptyNamedLevelIsReportedEmptyForTheDecoderToReject() {
        assertEquals(
                Optional.of(Map.of("device", "")),
                new TopicTemplate("tributary/{device}/telemetry").match("tributary//telemetry"));
    }

    @Test
    void malformedTemplatesAreConfigurationErrors() {
        assertThrows(IllegalArgumentException.class, () -> new TopicTemplate("a/#/b"));
        assertThrows(IllegalArgumentException.class, () -> new TopicTemplate("a/x{device}/b"));
    }
}
