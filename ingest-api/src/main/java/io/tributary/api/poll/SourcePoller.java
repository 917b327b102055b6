package io.tributary.api.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Trigger;
import io.smallrye.mutiny.Uni;
import io.tributary.api.poll.page.Pagination;
import io.tributary.api.source.PollConfig;
import io.tributary.api.source.Source;
import io.tributary.api.state.SourceState;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Polls one source. A poll takes the source's lease (another replica holding it: nothing to do), reads pages from
 * where the stored state says, publishes each page's records, and stores after each page where to go on, so that a
 * crash or a failure resumes at the page that was not done. The watermark ({@code {since}}) moves to the poll's start
 * once its last page is read. After a failure the source waits (exponential back-off, or {@code Retry-After}); ticks
 * of the schedule meanwhile do nothing, on every replica: the back-off is stored with the source's state.
 */
public final class SourcePoller {
    private final Source source;
    private final PollConfig config;
    private final Pagination pagination;
    private final RateLimiter limiter;
    private final PollServices services;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Instant notBefore = Instant.EPOCH;
    private volatile int failures;
    private volatile Trigger trigger;

    SourcePoller(Source source, PollConfig config, PollServices services) {
        this.source = source;
        this.config = config;
        this.pagination = Pagination.of(config.pagination());
        this.limiter = new RateLimiter(config.maxRequestsPerSecond().orElse(0.0));
        this.services = services;
        source.activity().nextPollFrom(this::nextPoll);
    }

    void scheduledBy(Trigger trigger) {
        this.trigger = trigger;
    }

    /** One poll, unless one is running or the source is backing off; never fails. */
    Uni<Void> poll() {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        if (Instant.now().isBefore(notBefore) || !running.compareAndSet(false, true)) {
            return Uni.createFrom().voidItem();
        }
        return services.states()
                .acquire(source.name(), services.owner(), services.lease())
                .flatMap(state -> {
                    source.activity().polling(state.isPresent());
                    return state.map(s -> pollHeld(s, started))
                            .orElseGet(() -> Uni.createFrom().voidItem());
                })
                .onFailure()
                .recoverWithItem(e -> {
                    // The database itself failed: this replica backs off on its own.
                    failed(failures + 1, e);
                    return null;
                })
                .eventually(() -> running.set(false));
    }

    private Uni<Void> pollHeld(SourceState state, Instant started) {
        if (state.notBefore().filter(Instant.now()::isBefore).isPresent()) {
            // Backing off since another replica's failure, or since this one's before a restart.
            failures = state.failures();
            notBefore = state.notBefore().get();
            return Uni.createFrom().voidItem();
        }
        return run(state, started).invoke(this::succeeded).onFailure().recoverWithUni(e -> {
            Instant until = failed(state.failures() + 1, e);
            // The local back-off holds either way; the stored one tells the other replicas.
            return services.states()
                    .backOff(source.name(), services.owner(), state.failures() + 1, until)
                    .onFailure()
                    .recoverWithNull();
        });
    }

    /** Lets the lease go, so another replica takes the source over without waiting for it to expire. */
    Uni<Void> release() {
        return services.states().release(source.name(), services.owner());
    }

    private Uni<Void> run(SourceState state, Instant started) {
        Instant since = state.watermark().orElse(started.minus(config.firstSince()));
        Map<String, String> variables = Map.of("since", format(since), "now", format(started));
        Instant pollStart = state.resumeSince().orElse(started);
        if (state.resumeUrl().isPresent()) {
            return page(state, state.resumeUrl().get(), 0, pollStart, variables, false);
        }
        String first = pagination.first(UrlTemplate.render(config.url(), variables, true));
        return page(state, first, 0, pollStart, variables, true);
    }

    /** @param conditional whether this is a poll's first page, sent with the stored validators */
    private Uni<Void> page(
            SourceState state,
            String url,
            int index,
            Instant pollStart,
            Map<String, String> variables,
            boolean conditional) {
        return limiter.acquire()
                .invoke(() -> source.activity().requested())
                .flatMap(x -> services.fetcher().fetch(config, url, conditional ? state : SourceState.EMPTY, variables))
                .onFailure()
                .transform(e -> new PollFailure("REQUEST_FAILED", url + ": " + e, Optional.empty()))
                .flatMap(page -> handle(state, page, index, pollStart, variables, conditional));
    }

    private Uni<Void> handle(
            SourceState state,
            Page page,
            int index,
            Instant pollStart,
            Map<String, String> variables,
            boolean conditional) {
        if (page.status() == 304 && conditional) {
            source.activity().notModified();
            return save(state.completed(pollStart));
        }
        if (page.status() < 200 || page.status() >= 300) {
            throw new PollFailure(
                    "HTTP_" + page.status(),
                    "HTTP " + page.status() + " from " + page.url(),
                    RetryAfter.parse(page.header("Retry-After"), Instant.now()));
        }
        Instant receivedAt = Instant.now();
        JsonNode body;
        List<JsonNode> records;
        try {
            body = page.status() == 204 ? null : services.bodies().read(page.body());
            records = body == null ? List.of() : source.mapper().records(body);
        } catch (RejectedPayloadException e) {
            return services.intake()
                    .reject(source, page.url(), e, page.body(), receivedAt)
                    .onItem()
                    .failWith(() ->
                            new PollFailure(e.reason().name(), page.url() + ": " + e.getMessage(), Optional.empty()));
        }
        SourceState current =
                conditional ? state.withValidators(header(page, "ETag"), header(page, "Last-Modified")) : state;
        return services.intake().ingest(source, records, page.url(), receivedAt).flatMap(result -> {
            Optional<String> next = records.isEmpty() ? Optional.empty() : pagination.next(page, body);
            if (next.isEmpty()) {
                return save(current.completed(pollStart));
            }
            SourceState resume = current.resumingAt(next.get(), pollStart);
            if (index + 1 >= config.pagination().maxPages()) {
                Log.debugf(
                        "Source %s: %d pages read; the next poll goes on at %s", source.name(), index + 1, next.get());
                return save(resume);
            }
            return save(resume).flatMap(x -> page(resume, next.get(), index + 1, pollStart, variables, false));
        });
    }

    private Uni<Void> save(SourceState state) {
        return services.states()
                .save(source.name(), services.owner(), state, services.lease())
                .map(saved -> {
                    if (!saved) {
                        throw new PollFailure(
                                "LEASE_LOST", "another replica took the source over during the poll", Optional.empty());
                    }
                    return null;
                });
    }

    private void succeeded() {
        failures = 0;
        notBefore = Instant.EPOCH;
        source.activity().pollSucceeded();
    }

    /** Records the failure and when the source may be polled again: back-off, or a later Retry-After. */
    private Instant failed(int count, Throwable e) {
        PollFailure failure = e instanceof PollFailure
                ? (PollFailure) e
                : new PollFailure("ERROR", String.valueOf(e), Optional.empty());
        failures = count;
        Instant backedOff = Instant.now()
                .plus(Backoff.after(
                        config.backoff(), count, ThreadLocalRandom.current().nextDouble()));
        notBefore = failure.retryAfter().filter(backedOff::isBefore).orElse(backedOff);
        source.activity().pollFailed(failure.reason(), failure.getMessage());
        Log.warnf(
                "Polling source %s failed (%s): %s; not polled again before %s",
                source.name(), failure.reason(), failure.getMessage(), notBefore);
        return notBefore;
    }

    private Instant nextPoll() {
        Trigger scheduled = trigger;
        Instant next = scheduled == null ? null : scheduled.getNextFireTime();
        if (next == null) {
            return notBefore.equals(Instant.EPOCH) ? null : notBefore;
        }
        return next.isBefore(notBefore) ? notBefore : next;
    }

    private String format(Instant time) {
        switch (config.timeFormat()) {
            case EPOCH_SECONDS:
                return Long.toString(time.getEpochSecond());
            case EPOCH_MILLIS:
                return Long.toString(time.toEpochMilli());
            default:
                return time.toString();
        }
    }

    private static Optional<String> header(Page page, String name) {
        return Optional.ofNullable(page.header(name));
    }
}
