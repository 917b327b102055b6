package io.tributary.analytics.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.TestConfigs;
import io.tributary.analytics.anomaly.EwmaTask;
import io.tributary.analytics.anomaly.MadTask;
import io.tributary.analytics.anomaly.ZScoreTask;
import io.tributary.analytics.correlation.CorrelationTask;
import io.tributary.analytics.rate.RateOfChangeTask;
import io.tributary.analytics.resample.ResampleTask;
import io.tributary.analytics.stats.WindowStatsTask;
import io.tributary.analytics.task.AnalysisTask;
import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.analytics.threshold.ThresholdTask;
import io.tributary.analytics.trend.LinearTrendTask;
import io.tributary.analytics.window.SeriesWindows;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskInput;
import io.tributary.contract.task.TaskMessage;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every task type's parameter schema, checked by the validator the orchestrator uses, agrees with what the task
 * accepts when it runs; a bad parameter fails the task with a reason naming it.
 */
class TaskTypesTest {
    private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
            .setDraft(Draft.DRAFT202012)
            .setBaseUri("https://tributary.io/task-types/")
            .setOutputFormat(OutputFormat.Basic);

    private final AnalyticsConfig config = TestConfigs.analytics(1000, Duration.ofMinutes(1), Duration.ofHours(1));
    private final WindowInput input = new WindowInput(new SeriesWindows(config), config);
    private final Map<String, AnalysisTask> types = List.of(
                    new WindowStatsTask(input),
                    new ThresholdTask(input),
                    new ZScoreTask(input),
                    new EwmaTask(input),
                    new MadTask(input),
                    new RateOfChangeTask(input),
                    new LinearTrendTask(input),
                    new CorrelationTask(input),
                    new ResampleTask(input))
            .stream()
            .collect(Collectors.toMap(AnalysisTask::type, Function.identity()));

    /** A valid parameter set per type: the schema accepts it. */
    private static final Map<String, Map<String, Object>> VALID = Map.of(
            "window-stats", Map.of("metric", "t", "windowSeconds", 60),
            "threshold", Map.of("metric", "t", "windowPoints", 10, "above", 90, "below", 10, "consecutive", 3),
            "zscore", Map.of("metric", "t", "window", "tumbling", "windowSeconds", 60, "threshold", 2.5),
            "ewma", Map.of("metric", "t", "windowSeconds", 600, "alpha", 0.2, "minPoints", 20),
            "mad", Map.of("metric", "t", "window", "sliding", "windowSeconds", 300, "slideSeconds", 60),
            "rate-of-change", Map.of("metric", "bytes", "windowSeconds", 60, "counter", true),
            "linear-trend", Map.of("metric", "t", "windowSeconds", 600, "horizonSeconds", 300, "confidence", 0.9),
            "correlation", Map.of("metric", "t", "otherMetric", "p", "windowSeconds", 60, "alignSeconds", 5),
            "resample", Map.of("metric", "t", "windowSeconds", 3600, "stepSeconds", 60, "aggregate", "max"));

    @Test
    void everyTypeHasASchemaThatAcceptsValidParametersAndRefusesUnknownOnes() {
        assertEquals(VALID.keySet(), types.keySet());
        types.forEach((type, task) -> {
            Validator validator =
                    Validator.create(JsonSchema.of(new JsonObject(Json.write(task.parameterSchema()))), OPTIONS);
            JsonObject valid = new JsonObject(Json.write(VALID.get(type)));
            assertTrue(
                    validator.validate(valid).getValid(),
                    type + " " + validator.validate(valid).getErrors());
            assertTrue(!validator.validate(valid.copy().put("bogus", 1)).getValid(), type + " takes unknown keys");
            assertTrue(
                    !validator
                            .validate(new JsonObject().put("windowSeconds", 1))
                            .getValid(),
                    type + " needs a metric");
            assertTrue(task.description().length() > 20, type);
        });
    }

    @Test
    void aBadParameterFailsTheTaskNamingIt() {
        assertRefused(
                "threshold", Map.of("metric", "t", "windowSeconds", 60), "parameter 'above' or 'below' is required");
        assertRefused(
                "threshold",
                Map.of("metric", "t", "windowSeconds", 60, "above", 1, "below", 2),
                "parameter 'below' must not be greater than 'above'");
        assertRefused("ewma", Map.of("metric", "t", "windowSeconds", 60, "alpha", 1.5), "parameter 'alpha' must be");
        assertRefused("zscore", Map.of("metric", "t", "windowSeconds", 60, "minPoints", 0), "parameter 'minPoints'");
        assertRefused(
                "rate-of-change",
                Map.of("metric", "t", "windowSeconds", 60, "counter", "yes"),
                "'counter' must be true or false");
        assertRefused("resample", Map.of("metric", "t", "windowSeconds", 60), "parameter 'stepSeconds' is required");
        assertRefused(
                "resample",
                Map.of("metric", "t", "windowSeconds", 3600, "stepSeconds", 0.1),
                "parameter 'stepSeconds' makes more than 10000 buckets");
        assertRefused(
                "resample",
                Map.of("metric", "t", "windowSeconds", 60, "stepSeconds", 1, "aggregate", "mode"),
                "'aggregate' must be one of");
        assertRefused(
                "correlation", Map.of("metric", "t", "windowSeconds", 60), "parameter 'otherMetric' or 'otherSeries'");
        assertRefused(
                "linear-trend", Map.of("metric", "t", "windowSeconds", 60, "confidence", 1), "parameter 'confidence'");
        assertRefused("window-stats", Map.of("windowSeconds", 60), "parameter 'metric' is required");
    }

    private void assertRefused(String type, Map<String, Object> parameters, String reason) {
        TaskMessage task = new TaskMessage(
                UUID.randomUUID(),
                UUID.randomUUID(),
                "step",
                type,
                parameters,
                new TaskInput("/s|x", List.of()),
                1,
                null,
                null,
                null);
        InvalidTaskException e =
                assertThrows(InvalidTaskException.class, () -> types.get(type).execute(task));
        assertTrue(e.getMessage().contains(reason), type + ": " + e.getMessage());
    }
}
