package io.tributary.iot.intake;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.opentelemetry.context.Context;
import io.tributary.contract.trace.TraceHeaders;
import io.vertx.mqtt.messages.MqttPublishMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The trace context a device sent with its reading: MQTT 5 user properties named {@code traceparent} and
 * {@code tracestate}, as W3C's MQTT binding puts them. MQTT 3.1.1 has no properties (nor does a device that sends
 * none): the reading's span is then the root of its trace.
 */
final class MqttTraceContext {
    private MqttTraceContext() {}

    static Context of(MqttPublishMessage message) {
        MqttProperties properties = message.properties();
        if (properties == null || properties.isEmpty()) {
            return Context.root();
        }
        Map<String, String> trace = new HashMap<>(2);
        for (MqttProperties.MqttProperty<?> property :
                properties.getProperties(MqttProperties.MqttPropertyType.USER_PROPERTY.value())) {
            if (property instanceof MqttProperties.UserProperties users) {
                collect(users.value(), trace);
            } else if (property instanceof MqttProperties.UserProperty user) {
                collect(List.of(user.value()), trace);
            }
        }
        return TraceHeaders.extract(trace);
    }

    private static void collect(List<MqttProperties.StringPair> pairs, Map<String, String> trace) {
        for (MqttProperties.StringPair pair : pairs) {
            if (TraceHeaders.TRACEPARENT.equals(pair.key) || TraceHeaders.TRACESTATE.equals(pair.key)) {
                trace.put(pair.key, pair.value);
            }
        }
    }
}
