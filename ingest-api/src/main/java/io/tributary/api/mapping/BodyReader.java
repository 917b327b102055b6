package io.tributary.api.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.source.ApiConfig;
import io.tributary.contract.dlq.DeadLetterReason;
import io.tributary.contract.event.Payloads.RejectedPayloadException;
import io.tributary.contract.json.StrictJson;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads response and webhook bodies with the contract's strict JSON rules, nesting bounded by the configuration. */
@ApplicationScoped
public class BodyReader {
    private final StrictJson json;

    public BodyReader(ApiConfig config) {
        this.json = new StrictJson(config.maxNestingDepth(), false);
    }

    /** @throws RejectedPayloadException when the text is empty or not (strict) JSON */
    public JsonNode read(String text) {
        JsonNode node = json.read(text);
        if (node == null || node.isMissingNode()) {
            throw new RejectedPayloadException(DeadLetterReason.MALFORMED_PAYLOAD, "empty body");
        }
        return node;
    }
}
