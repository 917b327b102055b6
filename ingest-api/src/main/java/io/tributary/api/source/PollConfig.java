package io.tributary.api.source;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a source is polled. The URL and body are templates: {@code {since}} is when the last successful poll started
 * (its watermark), {@code {now}} when this one started, both URL-encoded in the URL.
 */
public interface PollConfig {
    /** The first page's URL, e.g. {@code https://api.example.com/v1/readings?updated_since={since}}; required. */
    String url();

    /** The HTTP method. */
    @WithDefault("GET")
    String method();

    /** Request headers by name, sent with every page. */
    Map<String, String> headers();

    /** The request body (a template, sent as JSON), for APIs queried by POST; absent: none. */
    Optional<String> body();

    /** Poll interval (Quarkus scheduler syntax, e.g. {@code 30s}, {@code 5m}); ignored when {@code cron} is set. */
    @WithDefault("60s")
    String every();

    /** A Quartz cron expression (e.g. {@code 0 0/15 * * * ?}); absent: the poll runs every {@code every}. */
    Optional<String> cron();

    /** Longest wait for one page's response; a page not answered by then fails the poll (and backs off). */
    @WithDefault("PT10S")
    Duration timeout();

    /** How far back {@code {since}} reaches at the very first poll, before any watermark is stored. */
    @WithDefault("PT1H")
    Duration firstSince();

    /** How {@code {since}} and {@code {now}} are written. */
    @WithDefault("iso")
    TimeFormat timeFormat();

    /** Requests per second to this API at most, pages included; absent: no limit but the schedule. */
    Optional<Double> maxRequestsPerSecond();

    /** Credentials sent with every request. */
    AuthConfig auth();

    /** How the pages of one poll are followed. */
    PaginationConfig pagination();

    /** Waiting after failures (5xx, network errors, timeouts, unusable responses). */
    BackoffConfig backoff();

    /** How {@code {since}} and {@code {now}} are written into the URL and body. */
    enum TimeFormat {
        /** ISO-8601 UTC, e.g. {@code 2026-11-24T12:00:00Z}. */
        ISO,
        /** Seconds since the epoch. */
        EPOCH_SECONDS,
        /** Milliseconds since the epoch. */
        EPOCH_MILLIS
    }
}
