package io.tributary.orchestrator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Orchestrator settings. */
@ConfigMapping(prefix = "tributary.orchestrator")
public interface OrchestratorConfig {
    /** How often the outbox is swept for messages a nudge missed (a crash between commit and relay). */
    @WithDefault("1s")
    String outboxInterval();

    /** How often task runs past their deadline are timed out. */
    @WithDefault("5s")
    String deadlineSweepInterval();
}
