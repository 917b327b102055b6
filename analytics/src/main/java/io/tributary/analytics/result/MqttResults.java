package io.tributary.analytics.result;

import io.netty.handler.codec.mqtt.MqttQoS;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.mqtt.SendingMqttMessageMetadata;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes results to MQTT as well, when enabled, on {@code <prefix>/<flow>/<subject>} so that devices and dashboards
 * subscribe directly. The subject is the series' subject (the part of the series key after the source); MQTT
 * wildcards in it become {@code _}, its slashes stay topic levels.
 */
@ApplicationScoped
public class MqttResults {
    static final String CHANNEL = "results-mqtt";

    private final MutinyEmitter<String> emitter;
    private final MqttResultsConfig config;

    public MqttResults(@Channel(CHANNEL) MutinyEmitter<String> emitter, MqttResultsConfig config) {
        this.emitter = emitter;
        this.config = config;
    }

    /** Emits once the broker acknowledged (QoS 1) the result. Only with MQTT enabled (else its channel is off). */
    public Uni<Void> publish(TaskMessage task, Object result) {
        String topic =
                topic(config.topicPrefix(), task.flowOrRunId(), task.input().seriesKey());
        return emitter.sendMessage(Message.of(Json.write(result))
                .addMetadata(new SendingMqttMessageMetadata(topic, MqttQoS.valueOf(config.qos()), config.retain())));
    }

    static String topic(String prefix, String flow, String seriesKey) {
        String subject = seriesKey.substring(seriesKey.indexOf('|') + 1);
        return prefix + "/" + level(flow) + "/" + subject.replace('+', '_').replace('#', '_');
    }

    private static String level(String name) {
        return name.replace('/', '_').replace('+', '_').replace('#', '_');
    }
}
