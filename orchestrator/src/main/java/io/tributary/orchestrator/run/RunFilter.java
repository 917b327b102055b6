package io.tributary.orchestrator.run;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.StateName;
import java.time.Instant;
import java.util.UUID;

/**
 * What {@code GET /runs} narrows the list to; every field is optional and they combine with "and".
 *
 * @param subject the subject of the event that triggered the run
 * @param triggerKind what started the run: a trigger's kind, or {@code manual}
 * @param tag a tag of the flow's version the run started with
 * @param createdAfter inclusive
 * @param createdBefore exclusive
 */
record RunFilter(
        UUID flowId,
        StateType state,
        StateName stateName,
        String subject,
        String triggerKind,
        String tag,
        Instant createdAfter,
        Instant createdBefore) {}
