package io.tributary.analytics.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.analytics.AnalyticsConfig;
import io.tributary.analytics.task.AnalysisTask;
import io.tributary.analytics.task.InvalidTaskException;
import io.tributary.analytics.window.Sample;
import io.tributary.analytics.window.SeriesWindows;
import io.tributary.contract.event.NormalizedEvent;
import io.tributary.contract.json.Json;
import io.tributary.contract.task.TaskMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * {@code window-stats}: count, mean, min, max and standard deviation of one metric over the last
 * {@code windowSeconds} of event time of the triggering series, ending at the newest triggering event. Parameters:
 * {@code metric} (required), {@code windowSeconds} (required, positive, at most the retention).
 */
@ApplicationScoped
public class WindowStatsTask implements AnalysisTask {
    public static final String TYPE = "window-stats";

    private final SeriesWindows windows;
    private final AnalyticsConfig config;

    public WindowStatsTask(SeriesWindows windows, AnalyticsConfig config) {
        this.windows = windows;
        this.config = config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String description() {
        return "Count, mean, min, max and standard deviation of one metric over the last windowSeconds of the"
                + " triggering series, up to the triggering event";
    }

    @Override
    public JsonNode parameterSchema() {
        return Json.MAPPER
                .createObjectNode()
                .put("type", "object")
                .put("additionalProperties", false)
                .<ObjectNode>set(
                        "required", Json.MAPPER.createArrayNode().add("metric").add("windowSeconds"))
                .set(
                        "properties",
                        Json.MAPPER
                                .createObjectNode()
                                .<ObjectNode>set(
                                        "metric",
                                        Json.MAPPER
                                                .createObjectNode()
                                                .put("type", "string")
                                                .put("minLength", 1)
                                                .put("description", "The metric of the events' data"))
                                .set(
                                        "windowSeconds",
                                        Json.MAPPER
                                                .createObjectNode()
                                                .put("type", "number")
                                                .put("exclusiveMinimum", 0)
                                                .put(
                                                        "maximum",
                                                        config.retention().toSeconds())
                                                .put("description", "How far back from the triggering event")));
    }

    @Override
    public Uni<Object> execute(TaskMessage task) {
        String metric = stringParameter(task, "metric");
        Duration window = Duration.ofMillis(Math.round(numberParameter(task, "windowSeconds") * 1000));
        if (window.isNegative() || window.isZero() || window.compareTo(config.retention()) > 0) {
            throw new InvalidTaskException(
                    "parameter 'windowSeconds' must be positive and at most the retention " + config.retention());
        }
        NormalizedEvent newest = task.input().events().stream()
                .max(Comparator.comparing(NormalizedEvent::time))
                .orElseThrow(() -> new InvalidTaskException("the task carries no triggering event"));
        String series = task.input().seriesKey();
        return awaitWindowAt(series, newest.id()).map(caughtUp -> {
            if (!caughtUp) {
                Log.debugf("Window of %s did not reach event %s in %s", series, newest.id(), config.windowCatchUp());
            }
            // The triggering events are added too: after a catch-up timeout they are at least in.
            task.input().events().forEach(windows::add);
            Instant end = newest.time().toInstant();
            return compute(metric, windows.between(series, end.minus(window), end), end.minus(window), end);
        });
    }

    /**
     * The window consumer reads a series in partition order, so once it holds the triggering event it holds every
     * earlier event of the series: the result is then exactly that of the series up to the trigger. The window
     * signals the event's arrival; past the catch-up bound the task goes on with what the window holds.
     */
    private Uni<Boolean> awaitWindowAt(String series, String eventId) {
        return windows.awaitEvent(series, eventId)
                .replaceWith(true)
                .ifNoItem()
                .after(config.windowCatchUp())
                .recoverWithItem(false);
    }

    static WindowStats compute(String metric, List<Sample> samples, Instant start, Instant end) {
        SummaryStatistics stats = new SummaryStatistics();
        samples.stream()
                .map(s -> s.metrics().get(metric))
                .filter(value -> value != null)
                .forEach(stats::addValue);
        if (stats.getN() == 0) {
            throw new InvalidTaskException(
                    "no event in the window (" + start + ", " + end + "] has the metric '" + metric + "'");
        }
        return new WindowStats(
                metric,
                stats.getN(),
                stats.getMean(),
                stats.getMin(),
                stats.getMax(),
                stats.getN() > 1 ? stats.getStandardDeviation() : 0.0,
                start,
                end);
    }

    private static String stringParameter(TaskMessage task, String name) {
        Object value = task.parameters() == null ? null : task.parameters().get(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw new InvalidTaskException("parameter '" + name + "' is required and must be a non-empty string");
        }
        return text;
    }

    private static double numberParameter(TaskMessage task, String name) {
        Object value = task.parameters() == null ? null : task.parameters().get(name);
        if (!(value instanceof Number number)) {
            throw new InvalidTaskException("parameter '" + name + "' is required and must be a number");
        }
        return number.doubleValue();
    }
}
