package io.tributary.orchestrator.trigger.compound;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How many of a compound trigger's parts must match: {@code "all"}, {@code "any"} or a number. Kept as written
 * (a word or a number), so that a flow reads back as its author wrote it; checked when the flow is saved. Its
 * OpenAPI schema is set in the configuration ({@code mp.openapi.schema.*}).
 */
public record Require(@JsonValue Object value) {
    static final String ALL = "all";
    static final String ANY = "any";

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Require of(Object value) {
        return new Require(value);
    }

    /** @return how many of {@code parts} parts must match; 0 when the value is none of the allowed ones */
    int of(int parts) {
        if (ALL.equals(value)) {
            return parts;
        }
        if (ANY.equals(value)) {
            return 1;
        }
        return value instanceof Integer k && k >= 1 && k <= parts ? k : 0;
    }
}
