package io.tributary.contract.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One state change of a flow run or of one of its task runs, on {@code tributary.runs}, keyed by flow run id.
 *
 * @param taskRunId null when the change is the flow run's own
 * @param name the state's name: the type's own name in title case, or a named state such as {@code TimedOut}
 * @param attempt for a task run, the attempt the change belongs to (0 before its first dispatch); else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunChange(
        UUID flowRunId,
        UUID flowId,
        UUID taskRunId,
        StateType type,
        String name,
        String message,
        Instant timestamp,
        Integer attempt) {}
