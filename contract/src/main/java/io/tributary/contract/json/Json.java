package io.tributary.contract.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The JSON mapping of every message body on the wire. One mapper for all services, so that what one writes the
 * other reads; ISO-8601 timestamps and durations, unknown fields ignored so that producers can add fields without breaking readers.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a message body; a body that is not valid for the type throws {@link MalformedMessageException}. */
    public static <T> T read(String body, Class<T> type) {
        return read(body, MAPPER.constructType(type));
    }

    public static <T> T read(String body, TypeReference<T> type) {
        return read(body, MAPPER.constructType(type));
    }

    private static <T> T read(String body, JavaType type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new MalformedMessageException(
                    "not a valid " + type.getRawClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
