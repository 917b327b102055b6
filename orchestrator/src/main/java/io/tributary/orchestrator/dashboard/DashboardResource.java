package io.tributary.orchestrator.dashboard;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.tributary.contract.run.StateType;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.problem.InvalidParameterProblem;
import io.tributary.orchestrator.problem.NotFoundProblem;
import io.tributary.orchestrator.run.RunCensus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * What the web dashboard reads besides the flow and run API: the overview's figures, and the live feeds of events,
 * dead letters and results with their per-second rates. JSON and Server-Sent Events, for the pages' scripts.
 */
@Path("/dashboard")
@Tag(name = "Dashboard")
@RolesAllowed(Roles.VIEWER)
public class DashboardResource {
    static final String RATES = "rates";
    /** A second's counts are published this long after it ended, once records written in it have been read. */
    private static final long RATE_DELAY_SECONDS = 2;

    private static final int MAX_LIMIT = 500;

    private final Feed feed;
    private final FlowStats flowStats;
    private final RunCensus census;
    private final DashboardConfig config;

    DashboardResource(Feed feed, FlowStats flowStats, RunCensus census, DashboardConfig config) {
        this.feed = feed;
        this.flowStats = flowStats;
        this.census = census;
        this.config = config;
    }

    @GET
    @Path("/overview")
    @Operation(
            summary = "The overview's figures",
            description = "Runs by the type of their current state (as last counted), each flow's runs that ended"
                    + " within `tributary.orchestrator.dashboard.flow-stats-window` (count, failed, mean and p95"
                    + " duration from creation to end), and the per-second rates of the last minutes: events per"
                    + " source, dead letters, results, and flow runs reaching each state type.")
    public Uni<Overview> overview() {
        long until = Instant.now().getEpochSecond() - RATE_DELAY_SECONDS;
        return flowStats
                .since(config.flowStatsWindow())
                .map(stats -> new Overview(
                        census.latest(),
                        stats,
                        config.flowStatsWindow().toSeconds(),
                        feed.rates().history(until)));
    }

    @GET
    @Path("/recent")
    @Operation(
            summary = "The newest events, dead letters and results this replica has read",
            description = "Newest first. `source`, `type` and `subject` keep the items whose attribute contains the"
                    + " text (for a dead letter: `type` is its reason, `subject` its origin).")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public List<FeedItem> recent(
            @RestQuery @Parameter(description = "Comma-separated: event, dead-letter, result (default: all)")
                    String kind,
            @RestQuery String source,
            @RestQuery String type,
            @RestQuery String subject,
            @RestQuery @Parameter(description = "At most this many, 1 to 500 (default 100)") Integer limit) {
        int wanted = limit == null ? 100 : limit;
        if (wanted < 1 || wanted > MAX_LIMIT) {
            throw new InvalidParameterProblem("limit", String.valueOf(limit), "a number from 1 to " + MAX_LIMIT);
        }
        return feed.recent(filter(kind, source, type, subject), wanted);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Events, dead letters and results live, with the rates each second (Server-Sent Events)",
            description = "Each item is an event named by its kind (`event`, `dead-letter`, `result`); a `rates`"
                    + " event each second carries every rate series' count for one second (`second`, `counts`). A"
                    + " page that cannot keep up misses items: this is a live view, not a record (the topics are).")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Multi<OutboundSseEvent> stream(
            @RestQuery
                    @Parameter(
                            description =
                                    "Comma-separated: event, dead-letter, result (default: all); `rates` alone: only the rates")
                    String kind,
            @RestQuery String source,
            @RestQuery String type,
            @RestQuery String subject,
            @Context Sse sse) {
        FeedFilter filter = filter(kind, source, type, subject);
        Multi<OutboundSseEvent> items = feed.follow(filter, config.buffer())
                .map(item -> sse.newEventBuilder()
                        .name(item.kind().label())
                        .data(FeedItem.class, item)
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .build());
        Multi<OutboundSseEvent> rates = Multi.createFrom()
                .ticks()
                .every(Duration.ofSeconds(1))
                .onOverflow()
                .drop()
                .map(tick -> {
                    long second = Instant.now().getEpochSecond() - RATE_DELAY_SECONDS;
                    return sse.newEventBuilder()
                            .name(RATES)
                            .data(
                                    SecondRates.class,
                                    new SecondRates(second, feed.rates().at(second)))
                            .mediaType(MediaType.APPLICATION_JSON_TYPE)
                            .build();
                });
        return Multi.createBy().merging().streams(items, rates);
    }

    @GET
    @Path("/series")
    @Operation(
            summary = "The series seen lately, each with its metrics",
            description = "Series keys (`source|subject`) this replica read events of lately, each with the names"
                    + " of the numeric metrics they carried.")
    public Map<String, List<String>> series() {
        return feed.series().known();
    }

    @GET
    @Path("/series/values")
    @Operation(
            summary = "A series' newest values of one metric, and its newest results",
            description = "`points` are `[epoch millis of the event time, value]` in the order read; `results` are"
                    + " the series' newest results, newest first.")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SeriesDirectory.SeriesView values(
            @RestQuery @Parameter(description = "The series key, `source|subject`", required = true) String key,
            @RestQuery @Parameter(description = "The metric", required = true) String metric) {
        if (key == null || metric == null) {
            throw new InvalidParameterProblem(key == null ? "key" : "metric", "", "present");
        }
        SeriesDirectory.SeriesView view = feed.series().view(key, metric);
        if (view == null) {
            throw new NotFoundProblem("No series " + key + " was seen lately.");
        }
        return view;
    }

    private static FeedFilter filter(String kind, String source, String type, String subject) {
        try {
            return FeedFilter.of(kind, source, type, subject);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterProblem(
                    "kind", kind, "a comma-separated list of event, dead-letter, result, rates");
        }
    }

    /**
     * @param runsByState runs by the type of their current state, as last counted
     * @param flows each flow's runs that ended within {@code flowStatsWindowSeconds}
     */
    public record Overview(
            Map<StateType, Long> runsByState,
            List<FlowStats.FlowStat> flows,
            long flowStatsWindowSeconds,
            Rates.RateHistory rates) {}

    /** One second's counts of every rate series. */
    public record SecondRates(long second, Map<String, Long> counts) {}
}
