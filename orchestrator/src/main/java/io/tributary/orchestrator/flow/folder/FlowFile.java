package io.tributary.orchestrator.flow.folder;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.http.problem.Problem.FieldError;
import java.time.Instant;
import java.util.List;

/**
 * What became of one file of the flows folder.
 *
 * @param flow the flow it declares, once read
 * @param version the flow's version after the file was last applied
 * @param errors why the file is not applied (its flow, if any, stays as it was)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FlowFile(String file, String flow, Integer version, List<FieldError> errors, Instant checkedAt) {}
