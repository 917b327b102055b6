package io.tributary.orchestrator.run.live;

import io.smallrye.mutiny.Uni;
import io.tributary.orchestrator.problem.NotFoundProblem;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Answers 404 for a {@link RunMustExist} request whose run does not exist. */
public class RunMustExistFilter {
    private final RunHistory history;

    public RunMustExistFilter(RunHistory history) {
        this.history = history;
    }

    @ServerRequestFilter
    @RunMustExist
    public Uni<Void> runMustExist(UriInfo uri) {
        String id = uri.getPathParameters().getFirst("id");
        UUID runId;
        try {
            runId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            // Not an id at all: the parameter's converter answers that, naming the parameter.
            return Uni.createFrom().voidItem();
        }
        return history.exists(runId)
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFoundProblem("No flow run with id " + runId + ".");
                    }
                })
                .replaceWithVoid();
    }
}
