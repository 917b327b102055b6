package io.tributary.devstack.demo;

import java.time.Instant;
import java.util.Locale;

/** The demo HTTP API's body: three stations whose readings change every ten seconds. */
public final class WeatherFeed {
    private WeatherFeed() {}

    public static String current() {
        long bucket = Instant.now().getEpochSecond() / 10;
        Instant ts = Instant.ofEpochSecond(bucket * 10);
        StringBuilder json = new StringBuilder("[");
        String[] stations = {"oslo", "bergen", "tromso"};
        for (int i = 0; i < stations.length; i++) {
            double temperature = 5 - 3 * i + Math.sin(bucket / 6.0 + i) * 2;
            json.append(i == 0 ? "" : ",")
                    .append(String.format(
                            Locale.ROOT,
                            "{\"station\":\"%s\",\"temp\":%.2f,\"wind\":%d,\"ts\":\"%s\",\"sky\":\"%s\"}",
                            stations[i],
                            temperature,
                            3 + (bucket + i) % 5,
                            ts,
                            bucket % 2 == 0 ? "clear" : "cloudy"));
        }
        return json.append("]").toString();
    }
}
