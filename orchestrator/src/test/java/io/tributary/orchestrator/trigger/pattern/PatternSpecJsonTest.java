package io.tributary.orchestrator.trigger.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tributary.contract.json.Json;
import io.tributary.orchestrator.trigger.TriggerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compound and sequence specs read back as written: their hash is their identity, their JSON what the API shows. */
class PatternSpecJsonTest {

    @Test
    void specsRoundTripWithRequireAsWordOrNumber() {
        for (String json : List.of(
                "{\"kind\":\"compound\",\"require\":2,\"triggers\":[{\"filter\":\"true\",\"count\":2},{}],"
                        + "\"withinSeconds\":60,\"forEach\":\"source\"}",
                "{\"kind\":\"compound\",\"require\":\"any\",\"triggers\":[{\"type\":\"t\"}],\"withinSeconds\":60}",
                "{\"kind\":\"sequence\",\"steps\":[{\"subject\":\"a*\"},{\"subject\":\"b*\"}],\"withinSeconds\":60,"
                        + "\"graceSeconds\":0}")) {
            assertEquals(json, Json.write(Json.read(json, TriggerSpec.class)));
        }
    }
}
