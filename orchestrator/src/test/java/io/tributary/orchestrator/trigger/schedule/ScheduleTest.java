package io.tributary.orchestrator.trigger.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Fire times and missed-run policies, worked out by hand. */
class ScheduleTest {
    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");

    private static ScheduleTrigger cron(String cron, String zone) {
        return new ScheduleTrigger(cron, null, zone, null, null);
    }

    private static List<ZonedDateTime> fires(Schedule schedule, ZonedDateTime from, int count) {
        List<ZonedDateTime> fires = new ArrayList<>();
        Instant at = from.toInstant();
        for (int i = 0; i < count; i++) {
            at = schedule.next(at);
            fires.add(at.atZone(from.getZone()));
        }
        return fires;
    }

    @Test
    void aCronFollowsItsTimeZoneAcrossDaylightSaving() {
        Schedule daily = Schedule.of(cron("0 6 * * *", "Europe/Oslo"));
        // Summer time begins on 29 March 2026: 06:00 local is 05:00 UTC before and 04:00 UTC after.
        List<ZonedDateTime> fires = fires(daily, ZonedDateTime.of(2026, 3, 28, 12, 0, 0, 0, OSLO), 2);
        assertEquals(ZonedDateTime.of(2026, 3, 29, 6, 0, 0, 0, OSLO), fires.get(0));
        assertEquals(Instant.parse("2026-03-29T04:00:00Z"), fires.get(0).toInstant());
        assertEquals(Instant.parse("2026-03-30T04:00:00Z"), fires.get(1).toInstant());
    }

    @Test
    void anHourThatOccursTwiceWhenSummerTimeEndsFiresOnce() {
        Schedule nightly = Schedule.of(cron("30 2 * * *", "Europe/Oslo"));
        // 25 October 2026: 02:30 local happens at 00:30 and at 01:30 UTC.
        List<ZonedDateTime> fires = fires(nightly, ZonedDateTime.of(2026, 10, 24, 12, 0, 0, 0, OSLO), 2);
        assertEquals(
                2, fires.stream().map(ZonedDateTime::toLocalDate).distinct().count(), fires.toString());
        assertEquals(25, fires.get(0).getDayOfMonth());
        assertEquals(26, fires.get(1).getDayOfMonth());
    }

    @Test
    void anIntervalFiresOnItsMultiplesSinceTheEpoch() {
        Schedule every = Schedule.of(new ScheduleTrigger(null, 60L, null, null, null));
        assertEquals(Instant.parse("2026-11-26T10:01:00Z"), every.next(Instant.parse("2026-11-26T10:00:00Z")));
        assertEquals(Instant.parse("2026-11-26T10:01:00Z"), every.next(Instant.parse("2026-11-26T10:00:59.999Z")));
        assertEquals(Instant.parse("2026-11-26T10:00:00Z"), every.latest(Instant.parse("2026-11-26T10:00:30Z")));
        assertEquals(Instant.parse("2026-11-26T09:59:00Z"), every.latest(Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void aScheduleNeedsExactlyOneOfCronAndIntervalAndAValidCron() {
        assertThrows(
                IllegalArgumentException.class, () -> Schedule.of(new ScheduleTrigger(null, null, null, null, null)));
        assertThrows(
                IllegalArgumentException.class,
                () -> Schedule.of(new ScheduleTrigger("* * * * *", 5L, null, null, null)));
        assertThrows(IllegalArgumentException.class, () -> Schedule.of(cron("61 * * * *", null)));
    }

    @Test
    void missedFireTimesFollowTheCatchUpPolicy() {
        Schedule minutely = Schedule.of(new ScheduleTrigger(null, 60L, null, null, null));
        Instant now = Instant.parse("2026-11-26T10:00:10Z");
        Instant dueSince = Instant.parse("2026-11-26T09:50:00Z"); // ten fire times missed, one (10:00) on time
        Duration grace = Duration.ofSeconds(30);

        Firings skip = Firings.due(minutely, dueSince, now, grace, CatchUp.SKIP, 10);
        assertEquals(List.of(Instant.parse("2026-11-26T10:00:00Z")), skip.fire());
        assertEquals(10, skip.skipped());
        assertEquals(Instant.parse("2026-11-26T10:01:00Z"), skip.nextAt());

        Firings once = Firings.due(minutely, dueSince, now, grace, CatchUp.ONCE, 10);
        assertEquals(
                List.of(Instant.parse("2026-11-26T09:59:00Z"), Instant.parse("2026-11-26T10:00:00Z")), once.fire());
        assertEquals(9, once.skipped());

        Firings all = Firings.due(minutely, dueSince, now, grace, CatchUp.ALL, 3);
        assertEquals(
                List.of(
                        Instant.parse("2026-11-26T09:50:00Z"),
                        Instant.parse("2026-11-26T09:51:00Z"),
                        Instant.parse("2026-11-26T09:52:00Z"),
                        Instant.parse("2026-11-26T10:00:00Z")),
                all.fire());
        assertEquals(7, all.skipped());
    }

    @Test
    void aYearLongOutageOfASecondlyScheduleIsNotWalkedSecondBySecond() {
        Schedule secondly = Schedule.of(new ScheduleTrigger(null, 1L, null, null, null));
        Instant now = Instant.parse("2026-11-26T10:00:00.500Z");
        Firings once =
                Firings.due(secondly, now.minus(Duration.ofDays(365)), now, Duration.ofSeconds(30), CatchUp.ONCE, 10);
        assertEquals(Instant.parse("2026-11-26T09:59:30Z"), once.fire().get(0));
        assertEquals(31, once.fire().size(), "the latest missed, then the 30 within the grace");
        assertEquals(Instant.parse("2026-11-26T10:00:01Z"), once.nextAt());
    }
}
