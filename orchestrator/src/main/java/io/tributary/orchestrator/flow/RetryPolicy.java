package io.tributary.orchestrator.flow;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a task retries: up to {@code maxRetries} more attempts after the first, for the failure kinds in
 * {@code retryOn}, waiting {@code delay × backoffFactor^(retry-1)} (capped at {@code maxDelaySeconds}) stretched by
 * a random factor in [1, 1 + jitterFactor], so that tasks that failed together do not retry together.
 */
@Schema(name = "RetryPolicy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetryPolicy(
        @Min(0) @Max(100) @Schema(description = "Retries after the first attempt; default 0")
        Integer maxRetries,

        @PositiveOrZero @Schema(description = "Delay before the first retry, seconds; default 1")
        Double delaySeconds,

        @DecimalMin("1.0") @DecimalMax("10.0") @Schema(description = "Growth of the delay per retry; default 2")
        Double backoffFactor,

        @PositiveOrZero @Schema(description = "Upper bound of the delay, seconds; default 300")
        Double maxDelaySeconds,

        @DecimalMin("0.0") @DecimalMax("1.0") @Schema(description = "Random stretch of each delay; default 0.2")
        Double jitterFactor,

        @Schema(description = "Failure kinds that retry; default all: ERROR, TIMEOUT, CRASH")
        Set<FailureKind> retryOn) {

    public static final RetryPolicy NONE = new RetryPolicy(0, null, null, null, null, null);

    public int retries() {
        return maxRetries == null ? 0 : maxRetries;
    }

    /** Whether a failure of this kind on this attempt (from 1) is followed by another attempt. */
    public boolean retries(FailureKind kind, int attempt) {
        return attempt <= retries() && (retryOn == null || retryOn.isEmpty() || retryOn.contains(kind));
    }

    /** The wait before attempt {@code attempt + 1}. */
    public Duration delayAfter(int attempt, RandomGenerator random) {
        double base = (delaySeconds == null ? 1.0 : delaySeconds)
                * Math.pow(backoffFactor == null ? 2.0 : backoffFactor, attempt - 1);
        double capped = Math.min(base, maxDelaySeconds == null ? 300.0 : maxDelaySeconds);
        double jitter = jitterFactor == null ? 0.2 : jitterFactor;
        double seconds = capped * (1 + jitter * random.nextDouble());
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }
}
