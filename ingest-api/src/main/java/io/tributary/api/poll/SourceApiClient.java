package io.tributary.api.poll;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The polled JSON API, at {@code quarkus.rest-client.source-api.url}. */
@RegisterRestClient(configKey = "source-api")
public interface SourceApiClient {
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Uni<JsonNode> fetch();
}
