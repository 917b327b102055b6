package io.tributary.orchestrator.trigger.sequence;

import io.tributary.orchestrator.trigger.pattern.CompiledPattern;
import io.tributary.orchestrator.trigger.pattern.Firing;
import io.tributary.orchestrator.trigger.pattern.Seen;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A sequence trigger ready to watch. From each event that can begin the sequence, the steps are matched greedily in
 * event-time order (each step by the first events that match it after the step before), which completes as early as
 * any choice from that beginning can; the beginning that completes first is the firing.
 */
final class CompiledSequence extends CompiledPattern {

    CompiledSequence(String key, SequenceTrigger spec) {
        super(SequenceTrigger.KIND, key, spec);
    }

    @Override
    protected Firing detect(List<Seen> events) {
        Firing first = null;
        for (int begin = 0; begin < events.size(); begin++) {
            if (first != null && events.get(begin).at().isAfter(first.end())) {
                break;
            }
            if (events.get(begin).matches(0)) {
                Firing firing = from(events, begin);
                if (firing != null && (first == null || firing.end().isBefore(first.end()))) {
                    first = firing;
                }
            }
        }
        return first;
    }

    private Firing from(List<Seen> events, int begin) {
        Instant deadline = events.get(begin).at().plus(within());
        List<Firing.Matched> matched = new ArrayList<>();
        int step = 0;
        int found = 0;
        for (int i = begin; i < events.size() && !events.get(i).at().isAfter(deadline); i++) {
            if (events.get(i).matches(step)) {
                matched.add(new Firing.Matched(step, events.get(i).event()));
                found++;
                if (found == count(step)) {
                    step++;
                    found = 0;
                    if (step == parts()) {
                        return new Firing(matched);
                    }
                }
            }
        }
        return null;
    }
}
