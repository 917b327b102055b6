package io.tributary.orchestrator.trigger;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.tributary.orchestrator.trigger.compound.CompoundTrigger;
import io.tributary.orchestrator.trigger.event.EventTrigger;
import io.tributary.orchestrator.trigger.proactive.ProactiveTrigger;
import io.tributary.orchestrator.trigger.schedule.ScheduleTrigger;
import io.tributary.orchestrator.trigger.sequence.SequenceTrigger;
import io.tributary.orchestrator.trigger.threshold.ThresholdTrigger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A trigger of a flow, stored as JSON with its {@code kind} as discriminator. Every kind has its package with its
 * spec and its {@link TriggerKind}; a run can also be started by hand ({@code POST /flows/{name}/runs}), which
 * needs no trigger.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = EventTrigger.class, name = EventTrigger.KIND),
    @JsonSubTypes.Type(value = ScheduleTrigger.class, name = ScheduleTrigger.KIND),
    @JsonSubTypes.Type(value = ThresholdTrigger.class, name = ThresholdTrigger.KIND),
    @JsonSubTypes.Type(value = ProactiveTrigger.class, name = ProactiveTrigger.KIND),
    @JsonSubTypes.Type(value = CompoundTrigger.class, name = CompoundTrigger.KIND),
    @JsonSubTypes.Type(value = SequenceTrigger.class, name = SequenceTrigger.KIND)
})
@Schema(
        name = "Trigger",
        oneOf = {
            EventTrigger.class,
            ScheduleTrigger.class,
            ThresholdTrigger.class,
            ProactiveTrigger.class,
            CompoundTrigger.class,
            SequenceTrigger.class
        },
        discriminatorProperty = "kind")
public interface TriggerSpec {}
