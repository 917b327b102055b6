package io.tributary.orchestrator.dashboard;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.tributary.contract.run.RunChange;
import io.tributary.orchestrator.run.live.LiveChanges;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the dashboard shows live, in one place: the items read by {@link FeedReader}, broadcast to every page that
 * follows them and kept ({@link Recent}, {@link SeriesDirectory}) for pages that open later; and the per-second
 * {@link Rates} of events per source, dead letters, results and flow runs per state.
 */
@Singleton
public class Feed {
    static final String DEAD_LETTERS = "dead letters";
    static final String RESULTS = "results";
    static final String EVENTS = "events ";
    static final String RUNS = "runs ";

    private final BroadcastProcessor<FeedItem> broadcast = BroadcastProcessor.create();
    private final Map<FeedKind, Recent> recent = new EnumMap<>(FeedKind.class);
    private final Rates rates;
    private final SeriesDirectory series;
    private final LiveChanges runs;

    Feed(DashboardConfig config, LiveChanges runs) {
        for (FeedKind kind : FeedKind.values()) {
            recent.put(kind, new Recent(config.recent()));
        }
        this.rates = new Rates((int) config.rateHistory().toSeconds());
        this.series = new SeriesDirectory(config.series(), config.seriesPoints());
        this.runs = runs;
    }

    /** Flow runs' state changes count from this replica's live feed of {@code tributary.runs}. */
    void countRuns(@Observes StartupEvent ignored) {
        runs.all().subscribe().with(this::count);
    }

    private void count(RunChange change) {
        if (change.taskRunId() == null) {
            rates.count(RUNS + change.type(), change.timestamp().getEpochSecond(), false);
        }
    }

    /**
     * Called by the reader's thread only.
     *
     * @param size the record's body in bytes
     */
    void publish(FeedItem item, int size) {
        recent.get(item.kind()).add(item);
        rates.count(rateOf(item), item.at().getEpochSecond(), item.kind() == FeedKind.EVENT);
        if (item.kind() == FeedKind.RESULT && item.subject() != null) {
            series.result(item.subject(), item, size);
        }
        broadcast.onNext(item);
    }

    void value(String seriesKey, String metric, Instant at, double value) {
        series.value(seriesKey, metric, at.toEpochMilli(), value);
    }

    /**
     * The items the filter accepts from now on, each subscriber with a queue of {@code buffer} items: the feed never
     * waits for a browser. A page that falls further behind than that has its stream ended (a live tail shows the
     * newest, it is not a record); EventSource reconnects by itself and follows on from then.
     */
    Multi<FeedItem> follow(FeedFilter filter, int buffer) {
        return broadcast
                .select()
                .where(item -> item.matches(filter))
                .onOverflow()
                .buffer(buffer)
                .onFailure(BackPressureFailure.class)
                .recoverWithCompletion();
    }

    List<FeedItem> recent(FeedFilter filter, int limit) {
        return filter.kinds().stream()
                .flatMap(kind -> recent.get(kind).newest(filter, limit).stream())
                .sorted((a, b) -> b.at().compareTo(a.at()))
                .limit(limit)
                .toList();
    }

    Rates rates() {
        return rates;
    }

    SeriesDirectory series() {
        return series;
    }

    private static String rateOf(FeedItem item) {
        return switch (item.kind()) {
            case EVENT -> EVENTS + item.source();
            case DEAD_LETTER -> DEAD_LETTERS;
            case RESULT -> RESULTS;
        };
    }
}
