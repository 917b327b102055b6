package io.tributary.iot.metrics;

import static io.tributary.contract.metrics.MetricNames.KIND;
import static io.tributary.contract.metrics.MetricNames.SOURCE;
import static io.tributary.contract.metrics.MetricNames.SOURCE_UP;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.tributary.iot.intake.MqttIntake;
import io.tributary.iot.subscription.Subscription;
import io.tributary.iot.subscription.Subscriptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code tributary.source.up} per subscription: 1 while the intake is subscribed and no reading is stuck past the
 * stall timeout (what readiness checks), else 0. All subscriptions share the one MQTT connection, so they go down
 * together; a gauge each lets the dashboard show every source alike, whichever service reads it.
 */
@ApplicationScoped
public class MqttSourceHealth {
    private final MqttIntake intake;
    private final Subscriptions subscriptions;
    private final MeterRegistry registry;

    public MqttSourceHealth(MqttIntake intake, Subscriptions subscriptions, MeterRegistry registry) {
        this.intake = intake;
        this.subscriptions = subscriptions;
        this.registry = registry;
    }

    void register(@Observes StartupEvent started) {
        for (Subscription subscription : subscriptions.all()) {
            Gauge.builder(SOURCE_UP, this, MqttSourceHealth::up)
                    .description("1 while the source is healthy, else 0")
                    .tag(SOURCE, subscription.name())
                    .tag(KIND, "mqtt")
                    .register(registry);
        }
    }

    private double up() {
        return intake.isSubscribed() && intake.stalledFor().isEmpty() ? 1 : 0;
    }
}
