package io.tributary.orchestrator.problem;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads UUID, instant and enum parameters so that a bad value is a 400 problem saying what was expected (an enum's
 * allowed values included), where JAX-RS would answer a bare 404 for a path or query parameter.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {
    /** The canonical form only: {@link UUID#fromString} also takes "1-1-1-1-1". */
    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static final String A_UUID = "a UUID such as 3f2b6c1e-8d4a-4c5e-9b7f-0a1d2c3e4f50";
    static final String AN_INSTANT = "an ISO-8601 date-time with offset such as 2026-11-26T12:00:00Z";

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(A_UUID, value -> {
                if (!UUID_FORM.matcher(value).matches()) {
                    throw new IllegalArgumentException(value);
                }
                return UUID.fromString(value);
            });
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(AN_INSTANT, value -> instant(value));
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            String[] names =
                    Arrays.stream(type.getEnumConstants()).map(Enum::name).toArray(String[]::new);
            return (ParamConverter<T>) converter(oneOf(names), value -> Enum.valueOf(type, value));
        }
        return null;
    }

    /** "one of A, B, C": what a parameter with a closed set of values accepts. */
    public static String oneOf(String... values) {
        return "one of " + Arrays.stream(values).collect(Collectors.joining(", "));
    }

    /** An ISO-8601 instant ({@code Z}) or offset date-time ({@code +01:00}). */
    public static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(value, e);
        }
    }

    private static <T> ParamConverter<T> converter(String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return parse.apply(value);
                } catch (IllegalArgumentException e) {
                    throw new InvalidParameterProblem(null, value, expected);
                }
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
