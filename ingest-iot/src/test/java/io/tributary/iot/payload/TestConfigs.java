package io.tributary.iot.payload;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.tributary.iot.intake.IotConfig;
import java.util.HashMap;
import java.util.Map;

/** The real {@link IotConfig} mapping, read from the given properties (with its defaults), for plain unit tests. */
public final class TestConfigs {
    private TestConfigs() {}

    public static IotConfig iot(Map<String, String> properties) {
        Map<String, String> all = new HashMap<>(properties);
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(IotConfig.class)
                .withSources(new PropertiesConfigSource(all, "test", 500))
                .build();
        return config.getConfigMapping(IotConfig.class);
    }
}
