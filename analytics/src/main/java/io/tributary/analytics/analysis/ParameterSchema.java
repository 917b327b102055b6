package io.tributary.analytics.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.json.Json;

/**
 * Builds a task type's parameter schema (JSON Schema 2020-12): an object with the properties listed, no others.
 * What a schema cannot say (one parameter's bound depending on another) the task checks when it runs.
 */
public final class ParameterSchema {
    private final ObjectNode schema = Json.MAPPER.createObjectNode();
    private final ObjectNode properties = Json.MAPPER.createObjectNode();
    private final ArrayNode required = Json.MAPPER.createArrayNode();

    public ParameterSchema() {
        schema.put("type", "object").put("additionalProperties", false);
    }

    public ParameterSchema string(String name, String description) {
        properties.set(name, property("string", description).put("minLength", 1));
        return this;
    }

    public ParameterSchema choice(String name, String description, String... values) {
        ArrayNode allowed = Json.MAPPER.createArrayNode();
        for (String value : values) {
            allowed.add(value);
        }
        properties.set(name, property("string", description).set("enum", allowed));
        return this;
    }

    /** A number greater than 0, at most {@code max}. */
    public ParameterSchema positive(String name, String description, double max) {
        properties.set(
                name, property("number", description).put("exclusiveMinimum", 0).put("maximum", max));
        return this;
    }

    /** A number in [min, max]. */
    public ParameterSchema range(String name, String description, double min, double max) {
        properties.set(name, property("number", description).put("minimum", min).put("maximum", max));
        return this;
    }

    public ParameterSchema number(String name, String description) {
        properties.set(name, property("number", description));
        return this;
    }

    public ParameterSchema integer(String name, String description, int min, int max) {
        properties.set(
                name, property("integer", description).put("minimum", min).put("maximum", max));
        return this;
    }

    public ParameterSchema bool(String name, String description) {
        properties.set(name, property("boolean", description));
        return this;
    }

    public ParameterSchema required(String... names) {
        for (String name : names) {
            required.add(name);
        }
        return this;
    }

    /** Exactly one of the parameters must be given (checked by presence only, so expressions pass). */
    public ParameterSchema exactlyOne(String... names) {
        schema.set("oneOf", eachRequired(names));
        return this;
    }

    /** At least one of the parameters must be given. */
    public ParameterSchema anyOf(String... names) {
        schema.set("anyOf", eachRequired(names));
        return this;
    }

    public JsonNode build() {
        ObjectNode built = schema.deepCopy();
        built.set("properties", properties.deepCopy());
        if (!required.isEmpty()) {
            built.set("required", required.deepCopy());
        }
        return built;
    }

    private static ArrayNode eachRequired(String... names) {
        ArrayNode alternatives = Json.MAPPER.createArrayNode();
        for (String name : names) {
            alternatives
                    .addObject()
                    .set("required", Json.MAPPER.createArrayNode().add(name));
        }
        return alternatives;
    }

    private static ObjectNode property(String type, String description) {
        return Json.MAPPER.createObjectNode().put("type", type).put("description", description);
    }
}
