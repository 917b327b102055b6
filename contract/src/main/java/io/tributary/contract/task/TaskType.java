package io.tributary.contract.task;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A task type an executor runs, on {@code tributary.task-types} (compacted, keyed by {@code type}), so that the
 * orchestrator refuses a flow naming a type no executor runs, or parameters the type declares invalid.
 *
 * @param parameters a JSON Schema (2020-12) of the task's parameters object
 */
public record TaskType(String type, String description, JsonNode parameters) {}
