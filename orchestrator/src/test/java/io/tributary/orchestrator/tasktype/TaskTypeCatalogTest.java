package io.tributary.orchestrator.tasktype;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.Topics;
import io.tributary.contract.json.Json;
import io.tributary.http.problem.Problem.FieldError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Parameters checked against a published schema: each error names the parameter; computed ones are left alone. */
class TaskTypeCatalogTest {
    private static final String SCHEMA = "{\"type\":\"object\",\"required\":[\"n\"],\"additionalProperties\":false,"
            + "\"properties\":{\"n\":{\"type\":\"integer\",\"minimum\":1},\"label\":{\"type\":\"string\"}}}";

    private final TaskTypeCatalog catalog = new TaskTypeCatalog(null);

    TaskTypeCatalogTest() {
        catalog.consume(record("typed", "{\"type\":\"typed\",\"description\":\"d\",\"parameters\":" + SCHEMA + "}"));
    }

    @Test
    void eachInvalidParameterIsNamed() {
        assertEquals(List.of(), errors("{\"n\":1,\"label\":\"x\"}", Set.of()));
        assertEquals(List.of("tasks[0].parameters.n"), fields(errors("{\"n\":0}", Set.of())));
        assertEquals(List.of("tasks[0].parameters.label"), fields(errors("{\"n\":1,\"label\":2}", Set.of())));
        assertEquals(List.of("tasks[0].parameters"), fields(errors("{}", Set.of())));
        assertEquals(
                List.of(new FieldError("tasks[0].parameters.nope", "is not a parameter of 'typed'")),
                errors("{\"n\":1,\"nope\":true}", Set.of()));
        assertEquals("0 is less than 1", errors("{\"n\":0}", Set.of()).get(0).message());
    }

    @Test
    void aComputedParameterIsNotHeldAgainstTheSchema() {
        assertEquals(List.of(), errors("{\"n\":\"{{ params.n }}\"}", Set.of("/n")));
    }

    @Test
    void anUnknownTypeListsTheKnownOnesAndATombstoneRemovesAType() {
        List<FieldError> unknown = catalog.errors("tasks[0]", "nope", Json.MAPPER.createObjectNode(), Set.of());
        assertEquals("tasks[0].type", unknown.get(0).field());
        assertEquals("no executor runs 'nope'; known: [typed]", unknown.get(0).message());
        catalog.consume(record("typed", null));
        assertEquals(List.of(), List.copyOf(catalog.all()));
    }

    /**
     * A restarted orchestrator reads the compacted topic from its start: until it has read what the topic held, a
     * type it has not reached yet must not be called unknown.
     */
    @Test
    void theCatalogueHasCaughtUpOnceItConsumedEveryRecordBeforeTheEnds() {
        assertEquals(false, catalog.consumedUpTo(Map.of()), "no partition assigned yet");
        assertEquals(true, catalog.consumedUpTo(Map.of(0, bounds(0, 1))));
        assertEquals(false, catalog.consumedUpTo(Map.of(0, bounds(0, 3))), "two records of partition 0 not read");
        assertEquals(false, catalog.consumedUpTo(Map.of(0, bounds(0, 1), 1, bounds(0, 1))), "partition 1 not read");
        assertEquals(true, catalog.consumedUpTo(Map.of(0, bounds(0, 1), 1, bounds(0, 0))), "partition 1 is empty");
        assertEquals(true, catalog.consumedUpTo(Map.of(0, bounds(0, 1), 1, bounds(7, 7))), "partition 1 emptied");
        catalog.consume(new ConsumerRecord<>(Topics.TASK_TYPES, 0, 2, "typed", null));
        assertEquals(true, catalog.consumedUpTo(Map.of(0, bounds(0, 3))), "offset 1 was compacted away");
        assertEquals(false, catalog.ready(), "the check has not run: not ready");
    }

    private static long[] bounds(long begin, long end) {
        return new long[] {begin, end};
    }

    private List<FieldError> errors(String parameters, Set<String> computed) {
        return catalog.errors("tasks[0]", "typed", Json.read(parameters, JsonNode.class), computed);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static ConsumerRecord<String, String> record(String key, String value) {
        return new ConsumerRecord<>(Topics.TASK_TYPES, 0, 0, key, value);
    }
}
