package io.tributary.api.poll;

import io.tributary.api.intake.RecordIntake;
import io.tributary.api.mapping.BodyReader;
import io.tributary.api.state.SourceStateStore;
import java.time.Duration;

/**
 * What every source's poller shares.
 *
 * @param owner this replica's name as a lease holder
 * @param lease how long a lease lasts after a poll's start or save
 */
record PollServices(
        SourceStateStore states,
        PageFetcher fetcher,
        RecordIntake intake,
        BodyReader bodies,
        String owner,
        Duration lease) {}
