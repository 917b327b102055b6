package io.tributary.orchestrator.trigger.schedule;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.orchestrator.trigger.TriggerSpec;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Starts runs on a cron schedule or at an interval; each fire time starts exactly one run. */
@Schema(
        name = "ScheduleTrigger",
        example = "{\"kind\":\"schedule\",\"cron\":\"0 6 * * 1-5\",\"timezone\":\"Europe/Oslo\",\"catchUp\":\"ONCE\"}")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScheduleTrigger(
        @Schema(description = "Five-field cron (minute hour day-of-month month day-of-week), in `timezone`")
        @Size(max = 200)
        String cron,

        @Positive
        @Max(31_536_000)
        @Schema(description = "Instead of cron: every this many seconds (from the epoch, in UTC)")
        Long everySeconds,

        @Schema(description = "IANA time zone of the cron; fire times follow its daylight saving. Default UTC")
        @Size(max = 100)
        String timezone,

        @Schema(
                description =
                        "For fire times missed while no orchestrator ran: SKIP, ONCE (the latest; default) or ALL")
        CatchUp catchUp,

        @Positive @Max(1000) @Schema(description = "With catchUp ALL: at most this many runs; default 10")
        Integer maxCatchUp)
        implements TriggerSpec {
    public static final String KIND = "schedule";

    public CatchUp catchUpOrDefault() {
        return catchUp == null ? CatchUp.ONCE : catchUp;
    }

    public int maxCatchUpOrDefault() {
        return maxCatchUp == null ? 10 : maxCatchUp;
    }
}
