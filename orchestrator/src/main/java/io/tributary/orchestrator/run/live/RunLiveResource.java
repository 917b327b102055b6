package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Multi;
import io.tributary.contract.run.RunChange;
import io.tributary.contract.run.StateType;
import io.tributary.http.security.Roles;
import io.tributary.orchestrator.problem.InvalidParameterProblem;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Runs followed live, as Server-Sent Events of their state changes. */
@Path("/runs")
@Tag(name = "Runs")
@RolesAllowed(Roles.VIEWER)
public class RunLiveResource {
    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String CHANGE_EXAMPLE = "{\"flowRunId\": \"0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90\","
            + " \"flowId\": \"5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f\","
            + " \"taskRunId\": \"7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f\", \"type\": \"RUNNING\", \"name\": \"Running\","
            + " \"timestamp\": \"2026-11-26T12:00:00.912Z\", \"attempt\": 1}";

    private final RunStream stream;
    private final RunEvents events;

    public RunLiveResource(RunStream stream, RunEvents events) {
        this.stream = stream;
        this.events = events;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Every run's state changes, live (Server-Sent Events)",
            description = "First a `subscribed` event, then one event per state change of a flow run (no"
                    + " `taskRunId`) or of a task run, as published on tributary.runs; the changes of one run arrive"
                    + " in order. Each event's id is a position in that topic: reconnect with it as `Last-Event-ID`"
                    + " (browsers' EventSource does) and the stream resumes right after it, on any replica, without"
                    + " a gap or a repeat. A client that falls more than `tributary.orchestrator.live.buffer` changes"
                    + " behind gets a `dropped` event and the stream ends; it resumes the same way. While too many"
                    + " streams resume at once on the replica, a resume is answered 503 with `Retry-After`.")
    @APIResponse(
            responseCode = "200",
            description = "The stream",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema =
                                    @Schema(
                                            implementation = RunChange.class,
                                            description = "The data of a change event"),
                            examples =
                                    @ExampleObject(
                                            name = "the first events",
                                            value =
                                                    "event: subscribed\nid: p0-o1530.p1-o1498\ndata: {\"resumed\":false}\n\n"
                                                            + "id: " + Positions.EXAMPLE + "\ndata: " + CHANGE_EXAMPLE
                                                            + "\n")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "503", ref = "Unavailable")
    public Multi<OutboundSseEvent> stream(
            @RestQuery
                    @Parameter(
                            description = "Only changes of this flow's runs",
                            example = "5e1c2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f")
                    UUID flow,
            @RestQuery @Parameter(description = "Only changes to a state of this type", example = "FAILED")
                    StateType state,
            @RestHeader(LAST_EVENT_ID)
                    @Parameter(
                            name = LAST_EVENT_ID,
                            in = ParameterIn.HEADER,
                            description = "The id of the last event received: resume right after it",
                            example = Positions.EXAMPLE)
                    String lastEventId,
            @Context Sse sse) {
        Predicate<RunChange> filter =
                change -> (flow == null || flow.equals(change.flowId())) && (state == null || state == change.type());
        return stream.open(sse, filter, lastEventId == null ? null : positions(lastEventId));
    }

    @GET
    @Path("/{id}/events")
    @RunMustExist
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "One run's state history, then its changes live (Server-Sent Events)",
            description = "One event per entry of the run's history (its own states and its task runs'), oldest"
                    + " first, then each new change as it is committed. The event id is the history entry's id:"
                    + " reconnect with the last one as `Last-Event-ID` to get only what followed it.")
    @APIResponse(
            responseCode = "200",
            description = "The stream",
            content =
                    @Content(
                            mediaType = MediaType.SERVER_SENT_EVENTS,
                            schema =
                                    @Schema(
                                            implementation = RunChange.class,
                                            description = "The data of a change event"),
                            examples =
                                    @ExampleObject(
                                            name = "a change",
                                            value = "id: 4711\ndata: " + CHANGE_EXAMPLE + "\n")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Multi<OutboundSseEvent> events(
            @RestPath @Parameter(description = "The run's id", example = "0b9f6a4e-2c1d-4e8f-9a7b-3c5d6e7f8a90")
                    UUID id,
            @RestHeader(LAST_EVENT_ID)
                    @Parameter(
                            name = LAST_EVENT_ID,
                            in = ParameterIn.HEADER,
                            description = "The id of the last event received: resume right after it",
                            example = "4711")
                    String lastEventId,
            @Context Sse sse) {
        return events.open(sse, id, lastEventId == null ? 0 : historyId(lastEventId));
    }

    private static Positions positions(String lastEventId) {
        try {
            return Positions.parse(lastEventId);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterProblem(
                    LAST_EVENT_ID, lastEventId, "the id of an event of /runs/stream, such as " + Positions.EXAMPLE);
        }
    }

    private static long historyId(String lastEventId) {
        try {
            long id = Long.parseLong(lastEventId);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to the problem.
        }
        throw new InvalidParameterProblem(
                LAST_EVENT_ID, lastEventId, "the id of an event of this stream, a whole number such as 4711");
    }
}
