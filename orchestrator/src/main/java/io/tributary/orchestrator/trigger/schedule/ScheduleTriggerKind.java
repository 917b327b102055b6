package io.tributary.orchestrator.trigger.schedule;

import io.tributary.http.problem.Problem.FieldError;
import io.tributary.orchestrator.trigger.CompiledTrigger;
import io.tributary.orchestrator.trigger.TriggerKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

/** Schedules fire from the database's timers ({@link ScheduleSweeper}), never from events. */
@ApplicationScoped
public class ScheduleTriggerKind implements TriggerKind<ScheduleTrigger> {

    @Override
    public Class<ScheduleTrigger> specType() {
        return ScheduleTrigger.class;
    }

    @Override
    public List<FieldError> validate(ScheduleTrigger spec, String path) {
        try {
            Schedule.of(spec).next(Instant.now());
            return List.of();
        } catch (DateTimeException e) {
            return List.of(new FieldError(path + ".timezone", e.getMessage()));
        } catch (IllegalStateException e) {
            return List.of(new FieldError(path + ".cron", "never fires"));
        } catch (IllegalArgumentException e) {
            String field = spec.cron() == null || spec.cron().isBlank() || spec.everySeconds() != null ? "" : ".cron";
            return List.of(new FieldError(path + field, e.getMessage()));
        }
    }

    @Override
    public CompiledTrigger compile(ScheduleTrigger spec) {
        return event -> false;
    }
}
