package io.tributary.stream.intake;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.tributary.stream.delivery.DeliveryReader;
import io.tributary.stream.mapping.EventMapper;
import io.tributary.stream.mapping.JsonBodies;
import io.tributary.stream.source.SourceConfig;
import io.tributary.stream.source.StreamConfig;
import io.tributary.stream.status.SourceActivity;
import io.tributary.stream.status.SourceMeters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Flow;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Runs every configured source. A source's connector side is an ordinary incoming SmallRye channel
 * ({@code mp.messaging.incoming.<name>.*}), created by SmallRye from configuration alone; an {@code @Incoming} method
 * would fix the channel names at build time, so this bean subscribes to each channel it finds in
 * {@code tributary.stream.sources} instead, with at most {@code max-in-flight} messages of a source being published
 * at once. A channel that fails (its connector gave up) is reported by {@code GET /sources} and readiness.
 */
@ApplicationScoped
public class SourceIntake {
    private final StreamConfig config;
    private final Config channels;
    private final ChannelRegistry registry;
    private final Instance<DeliveryReader> readers;
    private final DeliveryProcessor processor;
    private final SourceMeters meters;
    private final Map<String, SourceActivity> activities = new TreeMap<>();

    public SourceIntake(
            StreamConfig config,
            Config channels,
            ChannelRegistry registry,
            Instance<DeliveryReader> readers,
            DeliveryProcessor processor,
            SourceMeters meters) {
        this.config = config;
        this.channels = channels;
        this.registry = registry;
        this.readers = readers;
        this.processor = processor;
        this.meters = meters;
    }

    void start(@Observes StartupEvent started) {
        JsonBodies json = new JsonBodies(config.maxNestingDepth());
        List<Source> sources = new ArrayList<>();
        config.sources().forEach((name, source) -> sources.add(source(name, source, json)));
        sources.forEach(this::subscribe);
    }

    /** The sources' activity, by name. */
    public synchronized List<SourceActivity> activities() {
        return List.copyOf(activities.values());
    }

    private Source source(String name, SourceConfig sourceConfig, JsonBodies json) {
        String connector = channelValue(name, "connector")
                .orElseThrow(() -> new IllegalStateException("Source '" + name + "' has no channel: set"
                        + " mp.messaging.incoming." + name + ".connector (smallrye-kafka, smallrye-rabbitmq or"
                        + " smallrye-pulsar) and that connector's keys"));
        DeliveryReader reader = readers.stream()
                .filter(candidate -> candidate.connector().equals(connector))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Source '" + name + "' uses connector " + connector + ", which ingest-stream cannot read"));
        if (connector.equals("smallrye-rabbitmq")
                && channelValue(name, "content-type-override").isEmpty()) {
            // Without it the connector decodes JSON bodies itself, and a body that is not JSON stops the channel.
            throw new IllegalStateException("Source '" + name + "' must set mp.messaging.incoming." + name
                    + ".content-type-override=application/octet-stream");
        }
        EventMapper mapper;
        try {
            mapper = new EventMapper(sourceConfig, json);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("Source '" + name + "': " + e.getMessage(), e);
        }
        SourceActivity activity = new SourceActivity(name, connector, sourceConfig.source());
        synchronized (this) {
            activities.put(name, activity);
        }
        meters.bind(activity);
        return new Source(name, sourceConfig.source(), reader, mapper, activity);
    }

    @SuppressWarnings("unchecked")
    private void subscribe(Source source) {
        List<Flow.Publisher<? extends Message<?>>> publishers = registry.getPublishers(source.name());
        if (publishers.isEmpty()) {
            throw new IllegalStateException("Source '" + source.name() + "': SmallRye created no channel of that name");
        }
        publishers.forEach(publisher -> Multi.createFrom()
                .publisher((Flow.Publisher<Message<?>>) publisher)
                .onItem()
                .transformToUni(message -> processor.process(source, message))
                .merge(config.maxInFlight())
                .subscribe()
                .with(ignored -> {}, failure -> {
                    Log.errorf(failure, "Source %s stopped", source.name());
                    source.activity().failed(failure);
                }));
        Log.infof("Source %s (%s) started", source.name(), source.source());
    }

    private Optional<String> channelValue(String channel, String key) {
        return channels.getOptionalValue("mp.messaging.incoming." + channel + "." + key, String.class);
    }
}
