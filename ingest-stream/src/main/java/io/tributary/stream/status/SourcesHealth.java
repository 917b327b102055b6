package io.tributary.stream.status;

import io.tributary.stream.intake.SourceIntake;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while every source's channel runs. The connectors report their own broker connections; this adds the
 * channels that stopped for good (a failure strategy of {@code fail} after the retries), which no connector reports.
 */
@Readiness
@ApplicationScoped
public class SourcesHealth implements HealthCheck {
    private final SourceIntake intake;

    public SourcesHealth(SourceIntake intake) {
        this.intake = intake;
    }

    @Override
    public HealthCheckResponse call() {
        List<String> failed = intake.activities().stream()
                .filter(SourceActivity::isFailed)
                .map(SourceActivity::name)
                .toList();
        return HealthCheckResponse.named("ingest-stream sources")
                .status(failed.isEmpty())
                .withData("failed", String.join(",", failed))
                .build();
    }
}
