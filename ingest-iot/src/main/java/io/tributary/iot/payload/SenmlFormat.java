package io.tributary.iot.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SenML JSON (RFC 8428), resolved as its section 4.6 says: the base name prefixes the name, base time and base value
 * (base sum) are added to time and value (sum), the base unit stands in for a missing unit, each base field holding
 * from its record until one that sets it again; a resolved time below 2^28 is relative to the time of receipt, any
 * other is seconds since the epoch. Each resolved record becomes one event (the RFC's own examples give one name
 * several units at one time, so records are not merged): a numeric value {@code v} is the metric named by the resolved
 * name, a string, boolean or data value ({@code vs}, {@code vb}, {@code vd}) the attribute {@code value} of a record
 * event; the unit is attribute {@code unit}, a sum attribute {@code sum}.
 */
final class SenmlFormat {
    private static final BigDecimal RELATIVE_LIMIT = BigDecimal.valueOf(1L << 28);
    private static final int SUPPORTED_VERSION = 10;
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9\\-:./_]*");
    private static final Set<String> LABELS =
            Set.of("bn", "bt", "bu", "bv", "bs", "bver", "n", "u", "v", "vs", "vb", "vd", "s", "t", "ut");
    private static final Set<String> VALUE_LABELS = Set.of("v", "vs", "vb", "vd");

    private SenmlFormat() {}

    static List<Reading> decode(ArrayNode pack, Incoming incoming) {
        if (pack.isEmpty()) {
            throw invalid("an empty SenML pack holds no reading");
        }
        JsonPayloads.requireFinite(pack, "$");
        List<Reading> readings = new ArrayList<>();
        String baseName = "";
        BigDecimal baseTime = BigDecimal.ZERO;
        String baseUnit = null;
        BigDecimal baseValue = BigDecimal.ZERO;
        BigDecimal baseSum = BigDecimal.ZERO;
        for (int i = 0; i < pack.size(); i++) {
            JsonNode record = pack.get(i);
            if (!record.isObject()) {
                throw new RejectedPayloadException(
                        DeadLetterReason.MALFORMED_PAYLOAD, "SenML record " + i + " is not an object");
            }
            checkLabels(record, i);
            baseName = text(record, "bn", i, baseName);
            baseTime = number(record, "bt", i, baseTime);
            baseUnit = text(record, "bu", i, baseUnit);
            baseValue = number(record, "bv", i, baseValue);
            baseSum = number(record, "bs", i, baseSum);
            checkVersion(record, i);
            String name = baseName + text(record, "n", i, "");
            if (!NAME.matcher(name).matches()) {
                throw invalid("SenML record " + i + ": resolved name '" + name + "' is empty or has characters"
                        + " RFC 8428 does not allow");
            }
            readings.add(resolve(record, i, name, baseTime, baseUnit, baseValue, baseSum, incoming));
        }
        return readings;
    }

    private static Reading resolve(
            JsonNode record,
            int i,
            String name,
            BigDecimal baseTime,
            String baseUnit,
            BigDecimal baseValue,
            BigDecimal baseSum,
            Incoming incoming) {
        long values = VALUE_LABELS.stream().filter(record::has).count();
        if (values > 1 || (values == 0 && !record.has("s"))) {
            throw invalid("SenML record " + i + " must have exactly one of v, vs, vb, vd, or a sum");
        }
        BigDecimal offset = number(record, "t", i, BigDecimal.ZERO);
        BigDecimal seconds = baseTime.add(offset);
        boolean relative = seconds.compareTo(RELATIVE_LIMIT) < 0;
        Instant time = TimeWindow.check(resolveTime(seconds, relative, i, incoming), incoming);

        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Object> attributes = incoming.topicAttributes();
        String unit = text(record, "u", i, baseUnit);
        if (unit != null) {
            attributes.put("unit", unit);
        }
        if (record.has("v")) {
            metrics.put(name, finite(baseValue.add(number(record, "v", i, null)), name));
        } else if (record.has("vs")) {
            attributes.put("value", text(record, "vs", i, null));
        } else if (record.has("vb")) {
            attributes.put("value", bool(record, i));
        } else if (record.has("vd")) {
            attributes.put("value", text(record, "vd", i, null));
        }
        if (record.has("s")) {
            attributes.put("sum", finite(baseSum.add(number(record, "s", i, null)), name + " sum"));
        }
        if (metrics.isEmpty()) {
            attributes.put("name", name);
        }
        String identity = relative
                ? Identities.unstamped(incoming, i)
                : Identities.stamped("senml", name, String.valueOf(unit), time.toString());
        return new Reading(
                metrics.isEmpty() ? EventTypes.RECORD : EventTypes.MEASUREMENT,
                incoming.device(),
                time,
                metrics,
                attributes,
                identity,
                incoming.subscription().keepRaw() ? record : null);
    }

    private static Instant resolveTime(BigDecimal seconds, boolean relative, int i, Incoming incoming) {
        try {
            Instant sinceEpoch = EventTimes.epochSeconds(seconds);
            return relative
                    ? incoming.receivedAt()
                            .plusSeconds(sinceEpoch.getEpochSecond())
                            .plusNanos(sinceEpoch.getNano())
                    : sinceEpoch;
        } catch (DateTimeException | ArithmeticException e) {
            throw new RejectedPayloadException(
                    DeadLetterReason.TIMESTAMP_OUT_OF_WINDOW,
                    "SenML record " + i + ": time " + seconds + " is beyond any representable instant");
        }
    }

    private static void checkLabels(JsonNode record, int i) {
        for (String label : (Iterable<String>) record::fieldNames) {
            // RFC 8428 section 4.4: a label ending in '_' must be understood, or the record refused.
            if (label.endsWith("_") && !LABELS.contains(label)) {
                throw invalid("SenML record " + i + " has must-understand field '" + label + "'");
            }
        }
    }

    private static void checkVersion(JsonNode record, int i) {
        JsonNode version = record.get("bver");
        if (version != null && (!version.isIntegralNumber() || version.asLong() < 1)) {
            throw invalid("SenML record " + i + ": bver must be a positive integer");
        }
        if (version != null && version.asLong() > SUPPORTED_VERSION) {
            throw invalid("SenML record " + i + ": version " + version + " is newer than " + SUPPORTED_VERSION);
        }
    }

    private static String text(JsonNode record, String label, int i, String otherwise) {
        JsonNode value = record.get(label);
        if (value == null) {
            return otherwise;
        }
        if (!value.isTextual()) {
            throw invalid("SenML record " + i + ": '" + label + "' must be a string");
        }
        return value.textValue();
    }

    private static BigDecimal number(JsonNode record, String label, int i, BigDecimal otherwise) {
        JsonNode value = record.get(label);
        if (value == null) {
            return otherwise;
        }
        if (!value.isNumber()) {
            throw new RejectedPayloadException(
                    label.equals("v") ? DeadLetterReason.NON_NUMERIC_VALUE : DeadLetterReason.INVALID_FIELD,
                    "SenML record " + i + ": '" + label + "' must be a number, not " + value.getNodeType());
        }
        return value.decimalValue();
    }

    private static boolean bool(JsonNode record, int i) {
        JsonNode value = record.get("vb");
        if (!value.isBoolean()) {
            throw invalid("SenML record " + i + ": 'vb' must be a boolean");
        }
        return value.booleanValue();
    }

    private static double finite(BigDecimal value, String name) {
        double result = value.doubleValue();
        if (!Double.isFinite(result)) {
            throw new RejectedPayloadException(
                    DeadLetterReason.NON_FINITE_VALUE, "'" + name + "' resolves to " + value + ", beyond a double");
        }
        return result;
    }

    private static RejectedPayloadException invalid(String detail) {
        return new RejectedPayloadException(DeadLetterReason.INVALID_FIELD, detail);
    }
}
