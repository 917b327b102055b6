package io.tributary.api.source;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Resolves a secret as configured: {@code file:<path>} is read at each use without blocking (a Kubernetes Secret
 * mounted as a file is rotated in place), {@code env:<VARIABLE>} is the variable's value, anything else is the
 * secret itself.
 */
@ApplicationScoped
public class Secrets {
    private static final String FILE = "file:";
    private static final String ENV = "env:";

    private final Vertx vertx;

    public Secrets(Vertx vertx) {
        this.vertx = vertx;
    }

    public Uni<String> resolve(String reference) {
        if (reference.startsWith(FILE)) {
            return vertx.fileSystem()
                    .readFile(reference.substring(FILE.length()))
                    .map(buffer -> buffer.toString().strip());
        }
        if (reference.startsWith(ENV)) {
            String variable = reference.substring(ENV.length());
            String value = System.getenv(variable);
            return value == null
                    ? Uni.createFrom()
                            .failure(new IllegalStateException("environment variable " + variable + " is not set"))
                    : Uni.createFrom().item(value);
        }
        return Uni.createFrom().item(reference);
    }
}
