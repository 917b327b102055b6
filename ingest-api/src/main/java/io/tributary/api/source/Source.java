package io.tributary.api.source;

import io.tributary.api.mapping.RecordMapper;
import io.tributary.api.status.SourceActivity;

/** A configured source at run time: its configuration, its record mapping and what it has done since start. */
public record Source(String name, SourceConfig config, RecordMapper mapper, SourceActivity activity) {}
