package io.tributary.iot.telemetry;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while connected and subscribed to the MQTT broker. */
@Readiness
@ApplicationScoped
public class MqttIntakeHealth implements HealthCheck {
    private final MqttIntake intake;

    public MqttIntakeHealth(MqttIntake intake) {
        this.intake = intake;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("MQTT broker connection")
                .status(intake.isConnected())
                .build();
    }
}
