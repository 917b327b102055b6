package io.tributary.api.status;

import io.tributary.api.source.Source;
import io.tributary.api.source.Sources;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Always UP: a failing API is that source's problem, shown here and in {@code GET /sources}, not a reason to take the
 * replica out of service, which would stop its webhooks and every healthy source with it. The database and Kafka
 * report their own readiness.
 */
@Readiness
@ApplicationScoped
public class SourcesHealth implements HealthCheck {
    private final Sources sources;

    public SourcesHealth(Sources sources) {
        this.sources = sources;
    }

    @Override
    public HealthCheckResponse call() {
        String failing = sources.all().stream()
                .map(Source::activity)
                .filter(SourceActivity::isFailing)
                .map(SourceActivity::name)
                .collect(Collectors.joining(","));
        return HealthCheckResponse.named("ingest-api sources")
                .up()
                .withData("failing", failing)
                .build();
    }
}
