package io.tributary.orchestrator.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.primitives.UnsignedLong;
import dev.cel.common.values.NullValue;
import io.tributary.contract.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON to CEL values and back, by the CEL spec's JSON mapping: objects are maps, numbers doubles, null the CEL
 * null. On the way back a whole double within the long range is written as an integer, so {@code 60} stays
 * {@code 60} for the task that reads it.
 */
public final class CelValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final double LONG_RANGE = 0x1p63;

    private CelValues() {}

    /** Any JSON-serializable value (a record, a map of parameters, an event) as CEL sees it. */
    public static Object of(Object value) {
        return of(value instanceof JsonNode node ? node : Json.MAPPER.valueToTree(value));
    }

    /**
     * A run's parameters (a JSON object) as the variables {@code params.<name>} of {@link Cel#values}, and as the
     * one map {@code params} that expressions stored before parameters were typed read.
     */
    public static Map<String, Object> parameters(JsonNode parameters) {
        Map<String, Object> variables = new LinkedHashMap<>();
        parameters.fields().forEachRemaining(field -> variables.put(Cel.PARAMS + field.getKey(), of(field.getValue())));
        variables.put("params", of(parameters));
        return variables;
    }

    private static Object of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return NullValue.NULL_VALUE;
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), of(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            node.forEach(item -> list.add(of(item)));
            return list;
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.asText();
    }

    /** A CEL result as JSON. */
    public static JsonNode toJson(Object value) {
        if (value == null || value instanceof NullValue) {
            return NODES.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = NODES.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof Double number) {
            double d = number;
            return d == Math.rint(d) && Math.abs(d) < LONG_RANGE ? NODES.numberNode((long) d) : NODES.numberNode(d);
        }
        if (value instanceof Long number) {
            return NODES.numberNode(number);
        }
        if (value instanceof UnsignedLong number) {
            return NODES.numberNode(number.bigIntegerValue());
        }
        if (value instanceof Boolean bool) {
            return NODES.booleanNode(bool);
        }
        return NODES.textNode(value.toString());
    }
}
