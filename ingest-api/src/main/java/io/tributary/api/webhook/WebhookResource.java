package io.tributary.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.tributary.api.intake.RecordIntake;
import io.tributary.api.mapping.BodyReader;
import io.tributary.api.problem.ProblemException;
import io.tributary.api.source.Source;
import io.tributary.api.source.Sources;
import io.tributary.api.source.WebhookConfig;
import io.tributary.api.state.SeenStore;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.http.LogSafe;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhooks: JSON pushed to {@code POST /webhooks/<source>}, one record or an array (or where the source's records
 * pointer says). Answers 202 only once Kafka acknowledged every event and dead letter; a sender that sees anything
 * else sends again, and the record ids keep that from publishing twice.
 */
@Path("/webhooks")
@Tag(name = "Webhooks")
// Webhooks authenticate by their own HMAC signature, per source.
@PermitAll
public class WebhookResource {
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Sources sources;
    private final SignatureVerifier verifier;
    private final SeenStore seen;
    private final RecordIntake intake;
    private final BodyReader bodies;

    public WebhookResource(
            Sources sources, SignatureVerifier verifier, SeenStore seen, RecordIntake intake, BodyReader bodies) {
        this.sources = sources;
        this.verifier = verifier;
        this.seen = seen;
        this.intake = intake;
        this.bodies = bodies;
    }

    @POST
    @Path("/{source}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push one JSON record, or an array of them, to a source; signed as the source says")
    @RequestBody(
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            example = "[{\"id\":\"sale-1\",\"store\":\"store-oslo\",\"amount\":12.5}]"))
    @APIResponse(
            responseCode = "202",
            description = "Published: Kafka acknowledged every event and dead letter",
            content = @Content(schema = @Schema(implementation = WebhookReceipt.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or no records where expected (problem details)")
    @APIResponse(responseCode = "401", description = "Missing, stale or wrong signature (problem details)")
    @APIResponse(responseCode = "404", description = "No source of that name takes webhooks (problem details)")
    @APIResponse(responseCode = "409", description = "This signed delivery was accepted before (problem details)")
    @APIResponse(responseCode = "413", description = "Larger than the source accepts (problem details)")
    public Uni<Response> receive(@PathParam("source") String name, HttpHeaders headers, byte[] body) {
        Instant receivedAt = Instant.now();
        Source source = sources.named(name)
                .filter(s -> s.config().webhook().isPresent())
                .orElseThrow(() -> new ProblemException(
                        Response.Status.NOT_FOUND, "not-found", "No source named '" + name + "' takes webhooks."));
        WebhookConfig config = source.config().webhook().get();
        if (body.length > config.maxBodyBytes()) {
            throw refused(
                    source,
                    new ProblemException(
                            Response.Status.REQUEST_ENTITY_TOO_LARGE,
                            "payload-too-large",
                            body.length + " bytes, more than the " + config.maxBodyBytes() + " accepted."));
        }
        Optional<String> idempotencyKey =
                Optional.ofNullable(headers.getHeaderString(IDEMPOTENCY_KEY)).map(key -> "idempotency:" + key);
        return verifier.verify(config, headers::getHeaderString, body, receivedAt)
                .onFailure(SignatureVerifier.BadSignature.class)
                .transform(e -> {
                    Log.infof("Webhook for %s refused: %s", LogSafe.text(name), LogSafe.text(e.getMessage()));
                    return refused(
                            source, new ProblemException(Response.Status.UNAUTHORIZED, "invalid-signature", null));
                })
                .flatMap(replayKey -> {
                    List<String> keys = new ArrayList<>();
                    idempotencyKey.ifPresent(keys::add);
                    replayKey.ifPresent(keys::add);
                    return seen.seen(name, keys).flatMap(known -> {
                        if (idempotencyKey.filter(known::contains).isPresent()) {
                            return Uni.createFrom()
                                    .item(Response.accepted(new WebhookReceipt(0, 0, 0, true))
                                            .build());
                        }
                        if (replayKey.filter(known::contains).isPresent()) {
                            throw refused(
                                    source,
                                    new ProblemException(
                                            Response.Status.CONFLICT,
                                            "webhook-replayed",
                                            "This signed delivery was accepted before."));
                        }
                        return ingest(source, body, receivedAt).call(() -> seen.remember(name, keys));
                    });
                });
    }

    private Uni<Response> ingest(Source source, byte[] body, Instant receivedAt) {
        String text = new String(body, StandardCharsets.UTF_8);
        List<JsonNode> records;
        try {
            records = source.mapper().records(bodies.read(text));
        } catch (RejectedPayloadException e) {
            ProblemException problem =
                    new ProblemException(Response.Status.BAD_REQUEST, "invalid-body", e.getMessage());
            return intake.reject(source, "webhook", e, text, receivedAt).map(x -> {
                throw refused(source, problem);
            });
        }
        return intake.ingest(source, records, "webhook", receivedAt).map(result -> {
            source.activity().delivered();
            return Response.accepted(
                            new WebhookReceipt(result.published(), result.duplicates(), result.deadLettered(), false))
                    .build();
        });
    }

    private static ProblemException refused(Source source, ProblemException problem) {
        source.activity().refused(problem.kind(), problem.getMessage());
        return problem;
    }
}
