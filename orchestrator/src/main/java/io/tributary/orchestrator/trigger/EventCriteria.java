package io.tributary.orchestrator.trigger;

/**
 * The fields with which a spec picks its events — CloudEvents type, source and subject globs, CEL filter — so that
 * every kind (and every part of a compound or sequence trigger) builds and checks its {@link EventMatch} alike.
 */
public interface EventCriteria {
    String type();

    String source();

    String subject();

    String filter();
}
