package io.tributary.stream.mapping;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.stream.delivery.Delivery;
import java.util.List;
import java.util.Optional;

/**
 * Where a value of the event comes from: a JSON Pointer into the body ({@code /order/id}), a header
 * ({@code header:site}) or a property of the message at its broker ({@code property:key}). Header and property values
 * are text.
 */
public final class Reference {
    private static final String HEADER = "header:";
    private static final String PROPERTY = "property:";

    private final String written;
    private final JsonPointer pointer;

    private Reference(String written, JsonPointer pointer) {
        this.written = written;
        this.pointer = pointer;
    }

    /** Parses a reference of the configuration; one that is none of the three forms is a configuration error. */
    public static Reference parse(String text) {
        String trimmed = text.trim();
        if (trimmed.startsWith("/")) {
            return new Reference(trimmed, JsonPointer.compile(trimmed));
        }
        if (trimmed.startsWith(HEADER) && trimmed.length() > HEADER.length()
                || trimmed.startsWith(PROPERTY) && trimmed.length() > PROPERTY.length()) {
            return new Reference(trimmed, null);
        }
        throw new IllegalArgumentException("'" + text + "' is not a reference: write a JSON Pointer (/order/id),"
                + " header:<name> or property:<name>");
    }

    public static List<Reference> parseAll(List<String> texts) {
        return texts.stream().map(Reference::parse).toList();
    }

    /** The first of the references that has a value in the message. */
    public static Optional<JsonNode> first(List<Reference> references, Delivery delivery, JsonNode body) {
        for (Reference reference : references) {
            Optional<JsonNode> value = reference.resolve(delivery, body);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** The value in this message; JSON null and an empty header count as absent. */
    public Optional<JsonNode> resolve(Delivery delivery, JsonNode body) {
        if (pointer != null) {
            JsonNode node = body.at(pointer);
            return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
        }
        String value = written.startsWith(HEADER)
                ? delivery.headers().get(written.substring(HEADER.length()))
                : delivery.properties().get(written.substring(PROPERTY.length()));
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(TextNode.valueOf(value));
    }

    /** The top-level body field this reference names, if it names one ({@code /ts} names {@code ts}). */
    Optional<String> topLevelField() {
        return pointer != null && !pointer.matches() && pointer.tail().matches()
                ? Optional.of(pointer.getMatchingProperty())
                : Optional.empty();
    }

    @Override
    public String toString() {
        return written;
    }
}
