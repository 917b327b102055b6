package io.tributary.orchestrator.run;

import io.tributary.contract.run.StateType;
import io.tributary.orchestrator.lifecycle.StateName;
import io.tributary.orchestrator.problem.InvalidParameterProblem;
import io.tributary.orchestrator.problem.ParameterConverters;
import io.tributary.orchestrator.trigger.TriggerKinds;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

/** The query parameters of {@code GET /runs}. */
public class RunQuery {
    @RestQuery
    @Parameter(description = "Only runs of this flow (its id)", example = "5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
    UUID flow;

    @RestQuery
    @Parameter(description = "Only runs whose current state is of this type", example = "FAILED")
    StateType state;

    @RestQuery
    @Parameter(
            description = "Only runs whose current state has this name (Prefect's spelling)",
            example = "AwaitingConcurrencySlot",
            schema =
                    @Schema(
                            enumeration = {
                                "Scheduled",
                                "Late",
                                "AwaitingRetry",
                                "Pending",
                                "AwaitingConcurrencySlot",
                                "Running",
                                "Retrying",
                                "Completed",
                                "Failed",
                                "TimedOut",
                                "Cancelling",
                                "Cancelled",
                                "Crashed",
                                "Paused"
                            }))
    String stateName;

    @RestQuery
    @Parameter(
            description = "Only runs triggered by an event with this subject (device id, ticker…)",
            example = "boiler-9")
    String subject;

    @RestQuery
    @Parameter(
            description = "Only runs started this way: a trigger's kind (event, schedule, threshold, …) or `manual`",
            example = "threshold")
    String triggerKind;

    @RestQuery
    @Parameter(
            description = "Only runs of flows with this tag (the tags of the flow's version the run started with)",
            example = "boilers")
    @Size(max = 100)
    String tag;

    @RestQuery
    @Parameter(
            description = "Only runs created at or after this instant (ISO-8601 with offset)",
            example = "2026-11-26T00:00:00Z")
    Instant createdAfter;

    @RestQuery
    @Parameter(
            description = "Only runs created before this instant (ISO-8601 with offset)",
            example = "2026-11-27T00:00:00Z")
    Instant createdBefore;

    @RestQuery
    @DefaultValue("50")
    @Min(1)
    @Max(500)
    @Parameter(description = "Runs per page, 1 to 500", example = "50")
    int limit;

    @RestQuery
    @Parameter(
            description = "The `next` of the previous page; absent for the first page",
            example = "MjAyNi0xMS0yNlQxMjowMDowMC40ODFaLzBiOWY2YTRlLTJjMWQtNGU4Zi05YTdiLTNjNWQ2ZTdmOGE5MA")
    String cursor;

    RunFilter filter() {
        return new RunFilter(flow, state, stateName(), subject, triggerKind(), tag, createdAfter, createdBefore);
    }

    RunCursor after() {
        return RunCursor.parse(cursor);
    }

    private String triggerKind() {
        List<String> kinds = TriggerKinds.names();
        if (triggerKind != null && !kinds.contains(triggerKind)) {
            throw new InvalidParameterProblem(
                    "triggerKind", triggerKind, ParameterConverters.oneOf(kinds.toArray(String[]::new)));
        }
        return triggerKind;
    }

    private StateName stateName() {
        if (stateName == null) {
            return null;
        }
        try {
            return StateName.ofLabel(stateName);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterProblem(
                    "stateName",
                    stateName,
                    ParameterConverters.oneOf(Arrays.stream(StateName.values())
                            .map(StateName::label)
                            .toArray(String[]::new)));
        }
    }
}
