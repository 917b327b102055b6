package io.tributary.stream.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.EventTypes;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.stream.delivery.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventMapperTest {
    private static final Instant RECEIVED = Instant.parse("2026-03-03T03:03:03Z");
    private static final Instant BROKER_TIME = Instant.parse("2026-03-03T03:03:00Z");
    private static final JsonBodies JSON = new JsonBodies(8);

    @Test
    void pointersHeadersAndPropertiesFillTheEnvelope() {
        EventMapper mapper = new EventMapper(
                TestSource.json("/stream/payments")
                        .withSubject("header:account", "/account/id")
                        .withId("/paymentId")
                        .withTime("/booked/at")
                        .withMetrics(Map.of("amount", "/amount/value", "fee", "header:fee"))
                        .withAttributes(Map.of(
                                "currency",
                                "/amount/currency",
                                "channel",
                                "header:channel",
                                "offset",
                                "property:offset")),
                JSON);
        NormalizedEvent event = mapper.map(
                delivery(
                        "{\"paymentId\":\"p-7\",\"account\":{\"id\":\"acc-1\"},\"amount\":{\"value\":12.5,"
                                + "\"currency\":\"EUR\"},\"booked\":{\"at\":\"2026-01-02T03:04:05+01:00\"}}",
                        Map.of("fee", "0.25", "channel", "web"),
                        Map.of("offset", "42")),
                RECEIVED);
        assertEquals("acc-1", event.subject());
        assertEquals("/stream/payments", event.source().toString());
        assertEquals(EventTypes.RECORD, event.type());
        assertEquals(Instant.parse("2026-01-02T02:04:05Z"), event.time().toInstant());
        assertEquals(Map.of("amount", 12.5, "fee", 0.25), event.data().metrics());
        assertEquals(
                Map.of("currency", "EUR", "channel", "web", "offset", "42"),
                event.data().attributes());
        assertEquals(NormalizedEvent.deterministicId("/stream/payments", "acc-1", "id:p-7"), event.id());

        // A header naming the subject wins over the body, as the order of the references says.
        assertEquals(
                "acc-9",
                mapper.map(
                                delivery(
                                        "{\"paymentId\":\"p-8\",\"account\":{\"id\":\"acc-1\"}}",
                                        Map.of("account", "acc-9"),
                                        Map.of()),
                                RECEIVED)
                        .subject());
    }

    @Test
    void theMappedIdMakesTheSameMessageOneEventAndWithoutItEachDeliveryIsItsOwn() {
        String body = "{\"id\":\"o-1\",\"orderId\":\"x\"}";
        EventMapper byField = new EventMapper(TestSource.json("/stream/o").withId("/orderId"), JSON);
        assertEquals(
                byField.map(delivery(body, "kafka:t/0@1"), RECEIVED).id(),
                byField.map(delivery(body, "kafka:t/1@7"), RECEIVED).id());
        EventMapper byDelivery = new EventMapper(TestSource.json("/stream/o"), JSON);
        assertEquals(
                byDelivery.map(delivery(body, "kafka:t/0@1"), RECEIVED).id(),
                byDelivery.map(delivery(body, "kafka:t/0@1"), RECEIVED).id());
        assertNotEquals(
                byDelivery.map(delivery(body, "kafka:t/0@1"), RECEIVED).id(),
                byDelivery.map(delivery(body, "kafka:t/0@2"), RECEIVED).id());
    }

    @Test
    void byDefaultTopLevelNumbersAreMetricsTheRestAttributesAndTheTimeFieldIsNeither() {
        NormalizedEvent event = new EventMapper(TestSource.json("/stream/o").withTime("/ts"), JSON)
                .map(
                        delivery(
                                "{\"id\":\"o-1\",\"amount\":3,\"ts\":1767225600000,\"tags\":[\"a\"],\"paid\":true}",
                                "kafka:t/0@1"),
                        RECEIVED);
        assertEquals(Map.of("amount", 3.0), event.data().metrics());
        assertEquals(
                Map.of("id", "o-1", "tags", java.util.List.of("a"), "paid", true),
                event.data().attributes());
        assertEquals(Instant.ofEpochMilli(1767225600000L), event.time().toInstant());
        // Without a time in the message: the broker's time.
        assertEquals(
                BROKER_TIME,
                new EventMapper(TestSource.json("/stream/o"), JSON)
                        .map(delivery("{\"id\":\"o-1\"}", "kafka:t/0@1"), RECEIVED)
                        .time()
                        .toInstant());
    }

    @Test
    void plainTextIsAMetricWhenItIsANumberElseAnAttribute() {
        EventMapper text = new EventMapper(
                TestSource.json("/stream/levels").withSubject("header:tank").asText(), JSON);
        NormalizedEvent level = text.map(delivery(" 71.25\n", Map.of("tank", "t-1"), Map.of()), RECEIVED);
        assertEquals(Map.of("value", 71.25), level.data().metrics());
        assertEquals(Map.of(), level.data().attributes());
        NormalizedEvent note = text.map(delivery("valve opened", Map.of("tank", "t-1"), Map.of()), RECEIVED);
        assertEquals(Map.of("text", "valve opened"), note.data().attributes());
        assertEquals(Map.of(), note.data().metrics());
    }

    @Test
    void aStructuredCloudEventKeepsItsOwnAttributes() {
        EventMapper mapper = new EventMapper(TestSource.json("/stream/o"), JSON);
        String event = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/shop/orders\","
                + "\"type\":\"com.example.order.placed\",\"subject\":\"o-5\",\"time\":\"2026-02-02T10:00:00Z\","
                + "\"datacontenttype\":\"application/json\",\"data\":{\"amount\":9.5,\"customer\":\"c-1\"}}";
        NormalizedEvent mapped = mapper.map(
                delivery(event, Map.of(), Map.of("content-type", "application/cloudevents+json; charset=utf-8")),
                RECEIVED);
        assertEquals("/shop/orders", mapped.source().toString());
        assertEquals("o-5", mapped.subject());
        assertEquals(Instant.parse("2026-02-02T10:00:00Z"), mapped.time().toInstant());
        assertEquals(NormalizedEvent.deterministicId("/shop/orders", "o-5", "cloudevent:e-1"), mapped.id());
        assertEquals(Map.of("amount", 9.5), mapped.data().metrics());
        assertEquals("c-1", mapped.data().attributes().get("customer"));
        assertEquals(
                Map.of("id", "e-1", "type", "com.example.order.placed"),
                mapped.data().attributes().get(EventMapper.CLOUD_EVENT_ATTRIBUTE));
    }

    @Test
    void aBinaryCloudEventIsReadFromTheHeadersOfEachBinding() {
        EventMapper mapper = new EventMapper(TestSource.json("/stream/o"), JSON);
        for (String prefix : new String[] {"ce_", "cloudEvents:", "cloudEvents_"}) {
            NormalizedEvent mapped = mapper.map(
                    delivery(
                            "{\"amount\":2}",
                            Map.of(
                                    prefix + "specversion", "1.0",
                                    prefix + "id", "e-2",
                                    prefix + "source", "/shop/returns",
                                    prefix + "type", "com.example.return",
                                    prefix + "subject", "r-1"),
                            Map.of()),
                    RECEIVED);
            assertEquals("/shop/returns", mapped.source().toString(), prefix);
            assertEquals("r-1", mapped.subject(), prefix);
            assertEquals(Map.of("amount", 2.0), mapped.data().metrics(), prefix);
            // No CloudEvent time: the broker's.
            assertEquals(BROKER_TIME, mapped.time().toInstant(), prefix);
        }
    }

    static Stream<Arguments> rejectedInput() {
        return Stream.of(
                Arguments.of("not JSON", "{\"id\":", DeadLetterReason.MALFORMED_PAYLOAD),
                Arguments.of("not an object", "[1,2]", DeadLetterReason.MALFORMED_PAYLOAD),
                Arguments.of("duplicate key", "{\"id\":\"a\",\"id\":\"b\"}", DeadLetterReason.MALFORMED_PAYLOAD),
                Arguments.of("NaN", "{\"id\":\"a\",\"v\":NaN}", DeadLetterReason.NON_FINITE_VALUE),
                Arguments.of("beyond a double", "{\"id\":\"a\",\"v\":1e400}", DeadLetterReason.NON_FINITE_VALUE),
                Arguments.of(
                        "nested infinity",
                        "{\"id\":\"a\",\"x\":{\"y\":[-Infinity]}}",
                        DeadLetterReason.NON_FINITE_VALUE),
                Arguments.of(
                        "too deep",
                        "{\"id\":\"a\",\"x\":" + "[".repeat(9) + "]".repeat(9) + "}",
                        DeadLetterReason.NESTING_TOO_DEEP),
                Arguments.of("no subject", "{\"amount\":1}", DeadLetterReason.INVALID_FIELD),
                Arguments.of("bad time", "{\"id\":\"a\",\"ts\":\"yesterday\"}", DeadLetterReason.INVALID_FIELD),
                Arguments.of(
                        "metric not a number", "{\"id\":\"a\",\"level\":\"high\"}", DeadLetterReason.NON_NUMERIC_VALUE),
                Arguments.of(
                        "structured CloudEvent without id",
                        "{\"specversion\":\"1.0\",\"source\":\"/s\",\"type\":\"t\",\"data\":{}}",
                        DeadLetterReason.INVALID_ENVELOPE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejectedInput")
    void badInputIsRejectedWithItsReason(String what, String body, DeadLetterReason reason) {
        EventMapper mapper = new EventMapper(
                TestSource.json("/stream/o").withSubject("/id").withTime("/ts").withMetrics(Map.of("level", "/level")),
                JSON);
        Map<String, String> properties =
                body.contains("specversion") ? Map.of("content-type", "application/cloudevents+json") : Map.of();
        RejectedPayloadException rejected = assertThrows(
                RejectedPayloadException.class, () -> mapper.map(delivery(body, Map.of(), properties), RECEIVED));
        assertEquals(reason, rejected.reason(), rejected.getMessage());
    }

    @Test
    void bytesThatAreNotUtf8AreMalformed() {
        Delivery latin1 = new Delivery(
                "kafka:t/0@1",
                "kafka:t/0@1",
                "{\"id\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1),
                Map.of(),
                Map.of(),
                Optional.empty());
        RejectedPayloadException rejected = assertThrows(
                RejectedPayloadException.class,
                () -> new EventMapper(TestSource.json("/stream/o"), JSON).map(latin1, RECEIVED));
        assertEquals(DeadLetterReason.MALFORMED_PAYLOAD, rejected.reason());
    }

    @Test
    void aReferenceThatIsNoneOfTheFormsIsAConfigurationError() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new EventMapper(TestSource.json("/stream/o").withSubject("orderId"), JSON));
    }

    private static Delivery delivery(String body, String identity) {
        return new Delivery(
                identity,
                identity,
                body.getBytes(StandardCharsets.UTF_8),
                Map.of(),
                Map.of(),
                Optional.of(BROKER_TIME));
    }

    private static Delivery delivery(String body, Map<String, String> headers, Map<String, String> properties) {
        return new Delivery(
                "test", "test", body.getBytes(StandardCharsets.UTF_8), headers, properties, Optional.of(BROKER_TIME));
    }
}
