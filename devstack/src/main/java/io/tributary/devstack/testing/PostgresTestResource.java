package io.tributary.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tributary.devstack.infra.PostgresServer;
import java.util.Map;

/** Points a {@code @QuarkusTest} at the JVM's shared real PostgreSQL server. */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {
    @Override
    public Map<String, String> start() {
        PostgresServer postgres = SharedInfrastructure.postgres();
        return Map.of(
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", PostgresServer.USER);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; it stops when the JVM exits.
    }
}
