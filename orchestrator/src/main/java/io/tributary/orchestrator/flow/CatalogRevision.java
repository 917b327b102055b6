package io.tributary.orchestrator.flow;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The revision of flows and concurrency limits (table {@code catalog_revision}): every change increments it in its
 * own transaction, so replicas' catalogs reload on any committed change (see {@link FlowCatalog}).
 */
public final class CatalogRevision {
    static final String READ = "select revision::text from catalog_revision where id = 1";

    private CatalogRevision() {}

    /** Within the caller's Hibernate Reactive transaction. */
    public static Uni<Void> bump() {
        return Panache.getSession()
                .flatMap(session -> session.createNativeQuery(
                                "update catalog_revision set revision = revision + 1 where id = 1")
                        .executeUpdate())
                .replaceWithVoid();
    }
}
