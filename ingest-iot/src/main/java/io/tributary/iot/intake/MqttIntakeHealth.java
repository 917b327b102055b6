package io.tributary.iot.intake;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while connected and subscribed to the MQTT broker, and no reading has been stuck past the stall timeout. */
@Readiness
@ApplicationScoped
public class MqttIntakeHealth implements HealthCheck {
    private final MqttIntake intake;

    public MqttIntakeHealth(MqttIntake intake) {
        this.intake = intake;
    }

    @Override
    public HealthCheckResponse call() {
        Optional<Duration> stalled = intake.stalledFor();
        return HealthCheckResponse.named("MQTT broker connection")
                .status(intake.isSubscribed() && stalled.isEmpty())
                .withData("subscribed", intake.isSubscribed())
                .withData("stalledFor", stalled.map(Duration::toString).orElse("none"))
                .build();
    }
}
