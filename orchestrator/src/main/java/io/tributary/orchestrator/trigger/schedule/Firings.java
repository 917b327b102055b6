package io.tributary.orchestrator.trigger.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which fire times of a schedule start runs now, and when it is next due. A fire time later than {@code grace} is
 * missed (no orchestrator ran then) and handled by the trigger's {@link CatchUp}; one within it fires as usual.
 *
 * @param fire the fire times to start a run for, oldest first
 * @param skipped how many missed fire times start no run
 * @param nextAt the first fire time after now
 */
public record Firings(List<Instant> fire, int skipped, Instant nextAt) {

    public static Firings due(
            Schedule schedule, Instant dueAt, Instant now, Duration grace, CatchUp catchUp, int maxCatchUp) {
        Instant missedBefore = now.minus(grace);
        List<Instant> missed = new ArrayList<>();
        int missedCount = 0;
        Instant at = dueAt;
        while (!at.isAfter(now) && at.isBefore(missedBefore)) {
            missedCount++;
            if (missed.size() < maxCatchUp) {
                missed.add(at);
            }
            // Bounded however long the outage: past this many, the missed times are not walked one by one.
            at = missedCount < MAX_COUNTED ? schedule.next(at) : schedule.next(missedBefore.minusMillis(1));
        }
        List<Instant> fire = new ArrayList<>();
        int skipped = missedCount;
        if (missedCount > 0 && catchUp == CatchUp.ALL) {
            fire.addAll(missed);
            skipped = missedCount - missed.size();
        } else if (missedCount > 0 && catchUp == CatchUp.ONCE) {
            fire.add(schedule.latest(missedBefore));
            skipped = missedCount - 1;
        }
        for (; !at.isAfter(now); at = schedule.next(at)) {
            fire.add(at);
        }
        return new Firings(fire, skipped, schedule.next(now));
    }

    /** Missed fire times counted one by one (for the log) before the rest are left uncounted. */
    private static final int MAX_COUNTED = 100_000;
}
