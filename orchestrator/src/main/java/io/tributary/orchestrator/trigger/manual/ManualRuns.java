package io.tributary.orchestrator.trigger.manual;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.contract.event.EventData;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.flow.FlowDefinition;
import io.tributary.orchestrator.flow.ParameterSpec;
import io.tributary.orchestrator.problem.InvalidRequestProblem;
import io.tributary.orchestrator.run.FlowRun;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs started by hand. A request stands in for the triggering event (type {@value #EVENT_TYPE}, subject the flow's
 * name, data the parameters as given), so a manual run is stored, shown and retried like any other; its id is
 * {@code manual:<Idempotency-Key>}, and the unique (flow, event) constraint gives a repeated request its first run.
 */
public final class ManualRuns {
    public static final String KIND = "manual";
    public static final String EVENT_TYPE = "io.tributary.flow.run-requested.v1";
    /** The idempotency key must fit the run's event id (200 characters) after its prefix. */
    public static final int MAX_KEY_LENGTH = 150;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private ManualRuns() {}

    /**
     * @param key the Idempotency-Key; null: every request starts a run
     * @param given the parameters the request gave, without the defaults: a repeated request is the same request
     *     even after the flow's defaults changed
     */
    public static NormalizedEvent request(FlowDefinition flow, String key, Map<String, JsonNode> given) {
        String id = KIND + ":" + (key == null ? UUID.randomUUID().toString() : key);
        return new NormalizedEvent(
                id,
                URI.create("/orchestrator/flows/" + flow.spec().name()),
                EVENT_TYPE,
                flow.spec().name(),
                OffsetDateTime.now(ZoneOffset.UTC),
                new EventData(null, Json.MAPPER.convertValue(given, MAP), null));
    }

    /** Whether the run was started by a request with the same parameters as this one (see {@link #request}). */
    public static boolean sameRequest(FlowRun run, NormalizedEvent request) {
        return Json.read(run.triggerEvent, JsonNode.class)
                .path("data")
                .path("attributes")
                .equals(Json.MAPPER.valueToTree(request.data().attributes()));
    }

    /**
     * The run's parameters: the given ones, checked against their declared types, over the defaults.
     *
     * @throws InvalidRequestProblem naming each unknown, mistyped or missing parameter
     */
    public static String parameters(FlowDefinition flow, Map<String, JsonNode> given) {
        Map<String, ParameterSpec> declared = flow.spec().parametersOrEmpty();
        List<FieldError> errors = new ArrayList<>();
        ObjectNode values = (ObjectNode) Json.read(flow.defaultParameters(), JsonNode.class);
        given.forEach((name, value) -> {
            ParameterSpec parameter = declared.get(name);
            if (parameter == null) {
                errors.add(new FieldError(
                        "parameters." + name, "the flow has no such parameter; it has " + declared.keySet()));
            } else if (value == null || !parameter.type().accepts(value)) {
                errors.add(new FieldError(
                        "parameters." + name,
                        "must be of type " + parameter.type().json()));
            } else {
                values.set(name, value);
            }
        });
        declared.forEach((name, parameter) -> {
            if (!parameter.hasDefault() && !given.containsKey(name)) {
                errors.add(new FieldError("parameters." + name, "is required (it has no default)"));
            }
        });
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw new InvalidRequestProblem("The run's parameters are not valid.", errors);
        }
        return Json.write(values);
    }
}
