package io.tributary.iot.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TopicFilterTest {
    @Test
    void takesTheDeviceFromTheFirstSingleLevelWildcard() {
        TopicFilter filter = new TopicFilter("tributary/+/telemetry");
        assertEquals(Optional.of("boiler-7"), filter.deviceId("tributary/boiler-7/telemetry"));
        assertEquals(Optional.empty(), filter.deviceId("tributary/boiler-7/status"));
        assertEquals(Optional.empty(), filter.deviceId("tributary/boiler-7/telemetry/extra"));
        assertEquals(Optional.empty(), filter.deviceId("tributary//telemetry"));
    }

    @Test
    void multiLevelWildcardMatchesAnyRest() {
        TopicFilter filter = new TopicFilter("plant/+/#");
        assertEquals(Optional.of("pump-1"), filter.deviceId("plant/pump-1/a/b"));
        assertEquals(Optional.empty(), filter.deviceId("other/pump-1/a"));
    }

    @Test
    void filterWithoutDeviceLevelIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new TopicFilter("tributary/#"));
    }
}
