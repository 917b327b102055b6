package io.tributary.api;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.devstack.demo.WeatherFeed;
import io.tributary.devstack.infra.JsonHttpServer;
import io.tributary.devstack.infra.Ports;
import io.tributary.devstack.stack.Stack;
import java.util.HashMap;
import java.util.Map;

/** The local stack's demo weather API, and the stack's configuration of its demo sources, polled every second. */
public class DemoSources implements QuarkusTestResourceLifecycleManager {
    private JsonHttpServer weather;

    @Override
    public Map<String, String> start() {
        weather = new JsonHttpServer(Ports.free(), WeatherFeed.PATH, new WeatherFeed());
        Map<String, String> config = new HashMap<>(Stack.demoApiSources(weather.url()));
        config.put("tributary.api.sources." + WeatherFeed.SOURCE + ".poll.every", "1s");
        return config;
    }

    @Override
    public void stop() {
        weather.close();
    }
}
