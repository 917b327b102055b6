package io.tributary.contract.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;

/**
 * How the ingest services read what producers send: strictly, so that an event is exactly what was meant. Duplicate
 * keys and trailing content are malformed; nesting is bounded by the parser itself; NaN and Infinity literals are read
 * only so that the caller can refuse them as non-finite, which tells the producer more than "invalid JSON".
 */
public final class StrictJson {
    private final ObjectMapper mapper;

    /** @param exactDecimals read decimals as {@link java.math.BigDecimal}, for sums that must be exact */
    public StrictJson(int maxNestingDepth, boolean exactDecimals) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .build())
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        if (exactDecimals) {
            mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        }
    }

    /**
     * The text's JSON tree, null or missing for empty text.
     *
     * @throws RejectedPayloadException {@code NESTING_TOO_DEEP}, or {@code MALFORMED_PAYLOAD} with the parser's reason
     */
    public JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new RejectedPayloadException(
                    e.getMessage().contains("nesting depth")
                            ? DeadLetterReason.NESTING_TOO_DEEP
                            : DeadLetterReason.MALFORMED_PAYLOAD,
                    firstLine(e));
        } catch (Exception e) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "not JSON: " + firstLine(e));
        }
    }

    /** A JSON value as the plain Java value of an event attribute. */
    public Object toAttribute(JsonNode value) {
        return mapper.convertValue(value, Object.class);
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
