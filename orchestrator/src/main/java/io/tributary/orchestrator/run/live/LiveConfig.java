package io.tributary.orchestrator.run.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live streams of run changes ({@code GET /runs/stream}, {@code GET /runs/{id}/events}). */
@ConfigMapping(prefix = "tributary.orchestrator.live")
public interface LiveConfig {
    /**
     * How many changes a subscriber may fall behind before its stream ends with a {@code dropped} event (it resumes
     * from its last event id). Bounds the memory one slow client can hold.
     */
    @WithDefault("1000")
    int buffer();

    /**
     * How many resumed {@code /runs/stream} subscribers may catch up at once, each with a Kafka consumer of its own
     * for as long as it takes; more are answered 503 with {@code Retry-After}.
     */
    @WithDefault("8")
    int maxCatchUps();
}
