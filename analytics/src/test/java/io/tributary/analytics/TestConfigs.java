package io.tributary.analytics;

import java.time.Duration;

/** Analytics settings for plain unit tests, without a Quarkus application. */
public final class TestConfigs {
    private TestConfigs() {}

    public static AnalyticsConfig analytics(int maxSamples, Duration lateness, Duration idleTimeout) {
        return new AnalyticsConfig() {
            @Override
            public Duration retention() {
                return Duration.ofHours(1);
            }

            @Override
            public int maxSamplesPerSeries() {
                return maxSamples;
            }

            @Override
            public Duration allowedLateness() {
                return lateness;
            }

            @Override
            public Duration idleTimeout() {
                return idleTimeout;
            }

            @Override
            public String idleSweep() {
                return "1m";
            }

            @Override
            public Duration windowCatchUp() {
                return Duration.ofSeconds(5);
            }

            @Override
            public int recentResults() {
                return 100;
            }

            @Override
            public int endedAttempts() {
                return 100;
            }
        };
    }
}
