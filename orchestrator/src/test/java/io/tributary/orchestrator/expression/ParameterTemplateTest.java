package io.tributary.orchestrator.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.contract.json.Json;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterTemplateTest {
    private static final Map<String, String> FLOW_PARAMETERS =
            Map.of("window", "integer", "factor", "number", "zone", "string", "verbose", "boolean");

    @Test
    void parametersAreVariablesOfTheirDeclaredTypes() {
        ParameterTemplate template = ParameterTemplate.compile(
                Map.of(
                        "windowSeconds", "{{ params.window * params.factor }}",
                        "label", "{{ params.zone + '-' + string(params.verbose) }}",
                        "metric", "temperature"),
                "tasks[0].parameters",
                FLOW_PARAMETERS);

        JsonNode evaluated =
                template.evaluate(variables(Map.of("window", 60, "factor", 2.5, "zone", "north", "verbose", true)));

        assertEquals(150, evaluated.get("windowSeconds").asInt());
        assertTrue(evaluated.get("windowSeconds").isIntegralNumber(), "a whole number is written as an integer");
        assertEquals("north-true", evaluated.get("label").asText());
        assertEquals("temperature", evaluated.get("metric").asText());
    }

    @Test
    void aMisspeltParameterIsRefusedWhenTheFlowIsSaved() {
        TemplateException refused = assertThrows(
                TemplateException.class,
                () -> ParameterTemplate.compile(
                        Map.of("windowSeconds", "{{ params.windw }}"), "tasks[0].parameters", FLOW_PARAMETERS));

        assertEquals(
                "tasks[0].parameters.windowSeconds", refused.errors().get(0).path());
        assertTrue(
                refused.errors().get(0).message().contains("params"),
                refused.errors().get(0).message());
    }

    @Test
    void anOperationTheTypeLacksIsRefusedWhenTheFlowIsSavedNotAtDispatch() {
        // Numbers are doubles, as JSON numbers are in CEL: an int literal needs its fraction.
        TemplateException refused = assertThrows(
                TemplateException.class,
                () -> ParameterTemplate.compile(
                        Map.of("windowSeconds", "{{ params.window * 2 }}"), "tasks[0].parameters", FLOW_PARAMETERS));
        assertTrue(
                refused.errors().get(0).message().contains("_*_"),
                refused.errors().get(0).message());

        TemplateException stringMath = assertThrows(
                TemplateException.class,
                () -> ParameterTemplate.compile(
                        Map.of("n", "{{ params.zone > 3.0 }}"), "tasks[0].parameters", FLOW_PARAMETERS));
        assertEquals("tasks[0].parameters.n", stringMath.errors().get(0).path());

        ParameterTemplate fixed = ParameterTemplate.compile(
                Map.of("windowSeconds", "{{ params.window * 2.0 }}"), "tasks[0].parameters", FLOW_PARAMETERS);
        assertEquals(
                120,
                fixed.evaluate(variables(Map.of("window", 60, "factor", 1, "zone", "", "verbose", false)))
                        .get("windowSeconds")
                        .asInt());
    }

    @Test
    void aVersionStoredBeforeParametersWereTypedStillRunsAsItDid() {
        Map<String, Object> saved = Map.of("windowSeconds", "{{ params['window'] * 2.0 }}");
        assertThrows(
                TemplateException.class,
                () -> ParameterTemplate.compile(saved, "tasks[0].parameters", FLOW_PARAMETERS),
                "a new save is typed");

        ParameterTemplate stored = ParameterTemplate.stored(saved, "tasks[0].parameters", FLOW_PARAMETERS);

        assertEquals(
                120,
                stored.evaluate(variables(Map.of("window", 60, "factor", 1, "zone", "", "verbose", false)))
                        .get("windowSeconds")
                        .asInt());
    }

    private static Map<String, Object> variables(Map<String, Object> runParameters) {
        Map<String, Object> variables = new HashMap<>(CelValues.parameters(Json.MAPPER.valueToTree(runParameters)));
        variables.put("event", CelValues.of(Map.of()));
        variables.put("tasks", Map.of());
        return variables;
    }
}
