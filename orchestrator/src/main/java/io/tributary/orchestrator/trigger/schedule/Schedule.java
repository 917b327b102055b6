package io.tributary.orchestrator.trigger.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The fire times of a schedule trigger: a cron in its time zone (cron-utils, DST-aware) or a fixed interval. */
public final class Schedule {
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

    private final ExecutionTime cron;
    private final ZoneId zone;
    private final Duration every;

    private Schedule(ExecutionTime cron, ZoneId zone, Duration every) {
        this.cron = cron;
        this.zone = zone;
        this.every = every;
    }

    /** @throws IllegalArgumentException naming what is wrong: the cron, the zone, or neither or both given */
    public static Schedule of(ScheduleTrigger spec) {
        boolean hasCron = spec.cron() != null && !spec.cron().isBlank();
        if (hasCron == (spec.everySeconds() != null)) {
            throw new IllegalArgumentException("give either cron or everySeconds");
        }
        ZoneId zone = spec.timezone() == null ? ZoneOffset.UTC : ZoneId.of(spec.timezone());
        if (!hasCron) {
            return new Schedule(null, zone, Duration.ofSeconds(spec.everySeconds()));
        }
        return new Schedule(ExecutionTime.forCron(CRON.parse(spec.cron()).validate()), zone, null);
    }

    /** The first fire time strictly after the instant. */
    public Instant next(Instant after) {
        if (every != null) {
            long step = every.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(after.toEpochMilli(), step) * step + step);
        }
        return cron.nextExecution(after.atZone(zone))
                .orElseThrow(() -> new IllegalStateException("the cron never fires after " + after))
                .toInstant();
    }

    /** The last fire time strictly before the instant. */
    public Instant latest(Instant before) {
        if (every != null) {
            long step = every.toMillis();
            return Instant.ofEpochMilli(Math.floorDiv(before.toEpochMilli() - 1, step) * step);
        }
        return cron.lastExecution(before.atZone(zone))
                .orElseThrow(() -> new IllegalStateException("the cron never fired before " + before))
                .toInstant();
    }
}
