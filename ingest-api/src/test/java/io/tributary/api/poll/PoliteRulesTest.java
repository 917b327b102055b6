package io.tributary.api.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.api.source.BackoffConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of polite polling and of URL templates, as plain functions. */
class PoliteRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void retryAfterIsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(NOW.plusSeconds(120)), RetryAfter.parse("120", NOW));
        assertEquals(
                Optional.of(Instant.parse("2026-11-24T12:05:00Z")),
                RetryAfter.parse("Tue, 24 Nov 2026 12:05:00 GMT", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse("soon", NOW));
        assertEquals(Optional.empty(), RetryAfter.parse(null, NOW));
    }

    @Test
    void backoffDoublesUpToItsMaximumAndJitterOnlyStretches() {
        BackoffConfig config = backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), 0.5);
        assertEquals(Duration.ofSeconds(1), Backoff.after(config, 1, 0));
        assertEquals(Duration.ofSeconds(4), Backoff.after(config, 3, 0));
        assertEquals(Duration.ofSeconds(10), Backoff.after(config, 5, 0));
        assertEquals(Duration.ofSeconds(10), Backoff.after(config, 1000, 0));
        assertEquals(Duration.ofSeconds(5), Backoff.after(config, 3, 0.5));
    }

    @Test
    void templatesAreFilledUrlEncodedAndQueryParametersReplacedOrAdded() {
        String url = UrlTemplate.render(
                "https://api.example.com/v1?since={since}&to={now}&q={other}",
                Map.of("since", "2026-11-24T12:00:00+01:00", "now", "1"),
                true);
        assertEquals("https://api.example.com/v1?since=2026-11-24T12%3A00%3A00%2B01%3A00&to=1&q={other}", url);
        assertEquals(
                "https://a.example/x?page=2&size=5",
                UrlTemplate.withQuery("https://a.example/x?page=1&size=5", "page", "2"));
        assertEquals("https://a.example/x?cursor=a%20b", UrlTemplate.withQuery("https://a.example/x", "cursor", "a b"));
        assertEquals(Optional.of("a b"), UrlTemplate.query("https://a.example/x?cursor=a%20b", "cursor"));
    }

    private static BackoffConfig backoff(Duration initial, Duration max, double jitter) {
        return new BackoffConfig() {
            @Override
            public Duration initial() {
                return initial;
            }

            @Override
            public Duration max() {
                return max;
            }

            @Override
            public double jitter() {
                return jitter;
            }
        };
    }
}
