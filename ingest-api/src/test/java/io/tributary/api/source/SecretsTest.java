package io.tributary.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tributary.api.UpstreamApi;
import io.tributary.devstack.testing.KafkaTestResource;
import io.tributary.devstack.testing.PostgresTestResource;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Secrets as configured: a file read at each use (rotated in place), an environment variable, the value itself. */
@QuarkusTest
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(UpstreamApi.class)
class SecretsTest {
    private static final Duration AWAIT = Duration.ofSeconds(5);

    @Inject
    Secrets secrets;

    @Test
    void aFileIsReadAgainAtEachUseAVariableByItsNameAndAnythingElseIsTheSecret() throws Exception {
        Path file = Files.createTempFile("secret", ".txt");
        try {
            Files.writeString(file, "first\n");
            assertEquals("first", secrets.resolve("file:" + file).await().atMost(AWAIT));
            Files.writeString(file, "rotated");
            assertEquals("rotated", secrets.resolve("file:" + file).await().atMost(AWAIT));
        } finally {
            Files.delete(file);
        }
        assertEquals(System.getenv("PATH"), secrets.resolve("env:PATH").await().atMost(AWAIT));
        assertThrows(
                IllegalStateException.class,
                () -> secrets.resolve("env:TRIBUTARY_NO_SUCH_VARIABLE").await().atMost(AWAIT));
        assertEquals("plain-value", secrets.resolve("plain-value").await().atMost(AWAIT));
    }
}
