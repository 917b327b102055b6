package io.tributary.stream.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.json.StrictJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * Reads message bodies strictly, so that what becomes an event is exactly what the producer meant: UTF-8 that is
 * not valid is refused rather than patched with replacement characters; duplicate keys and trailing content are
 * malformed; nesting is bounded by the parser; NaN and Infinity literals are read only to be refused as
 * non-finite, which tells the producer more than "invalid JSON".
 */
public final class JsonBodies {
    private final StrictJson json;

    public JsonBodies(int maxNestingDepth) {
        this.json = new StrictJson(maxNestingDepth, false);
    }

    /** The bytes as text; bytes that are not UTF-8 are malformed input. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "not valid UTF-8 text");
        }
    }

    /** The JSON value of the text, its numbers all finite. */
    public JsonNode parse(String text) {
        JsonNode node = json.read(text);
        if (node == null || node.isMissingNode()) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "empty body");
        }
        requireFinite(node, "");
        return node;
    }

    /** Text content: a JSON number when the text is one (so a plain reading becomes a metric), else the text. */
    public JsonNode text(String text) {
        JsonNode number;
        try {
            number = json.read(text.trim());
        } catch (Exception e) {
            return TextNode.valueOf(text);
        }
        if (number == null || !number.isNumber()) {
            return TextNode.valueOf(text);
        }
        requireFinite(number, "");
        return number;
    }

    /** Converts a JSON value to the plain Java value of an event attribute. */
    public Object toAttribute(JsonNode value) {
        return json.toAttribute(value);
    }

    // Consumers read every number as a double: one that is not finite as a double cannot travel.
    private static void requireFinite(JsonNode node, String pointer) {
        if (node.isNumber()) {
            Numbers.finite(node, pointer.isEmpty() ? "the body" : pointer);
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                requireFinite(node.get(name), pointer + "/" + name);
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            requireFinite(node.get(i), pointer + "/" + i);
        }
    }
}
