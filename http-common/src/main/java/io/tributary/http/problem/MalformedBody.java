package io.tributary.http.problem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * A request body Jackson could not read, as a problem that says where: the JSON path of the offending field when
 * the body is JSON of the wrong shape, and the line and column in the body either way.
 */
final class MalformedBody {
    private MalformedBody() {}

    static Problem of(JsonProcessingException e, String instance) {
        String path = e instanceof JsonMappingException ? path((JsonMappingException) e) : "";
        String where = (path.isEmpty() ? "" : " at '" + path + "'") + position(e.getLocation());
        String detail = e instanceof JsonMappingException
                ? "The request body does not fit the expected shape" + where + ": " + e.getOriginalMessage()
                : "The request body is not valid JSON" + where + ": " + e.getOriginalMessage();
        return Problem.of("malformed-body", Response.Status.BAD_REQUEST, detail, instance)
                .withErrors(List.of(new Problem.FieldError(path.isEmpty() ? "body" : path, e.getOriginalMessage())));
    }

    /** {@code tasks[0].timeoutSeconds}: the reference path Jackson records while it descends. */
    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
