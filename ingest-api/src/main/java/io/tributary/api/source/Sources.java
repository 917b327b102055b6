package io.tributary.api.source;

import io.tributary.api.mapping.RecordMapper;
import io.tributary.api.status.SourceActivity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured sources by name, built once at start: a broken mapping stops the service there, not later. */
@ApplicationScoped
public class Sources {
    private final Map<String, Source> byName = new TreeMap<>();

    public Sources(ApiConfig config) {
        config.sources().forEach((name, source) -> {
            RecordMapper mapper = new RecordMapper(name, source);
            byName.put(
                    name,
                    new Source(
                            name,
                            source,
                            mapper,
                            new SourceActivity(
                                    name,
                                    mapper.source(),
                                    source.poll().isPresent(),
                                    source.webhook().isPresent())));
        });
    }

    public Optional<Source> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public Collection<Source> all() {
        return byName.values();
    }
}
