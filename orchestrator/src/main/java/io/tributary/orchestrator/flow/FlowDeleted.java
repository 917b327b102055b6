package io.tributary.orchestrator.flow;

/**
 * A CDI event: the flow was deleted, and the deletion committed. Fired at once on the replica that deleted it, and on
 * the others when their catalogue next reloads and finds the flow gone; so an observer may hear of one deletion twice.
 */
public record FlowDeleted(String name) {}
