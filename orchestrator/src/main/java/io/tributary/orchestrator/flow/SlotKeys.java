package io.tributary.orchestrator.flow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The concurrency limits a flow's runs count against: the flow's own ({@code flow:<id>}) and one per tag that has a
 * limit ({@code tag:<name>}). Sorted, so that every transaction takes their locks in the same order.
 */
public final class SlotKeys {
    private SlotKeys() {}

    public static SortedMap<String, ConcurrencyLimit> of(FlowDefinition flow, Map<String, ConcurrencyLimit> tagLimits) {
        SortedMap<String, ConcurrencyLimit> keys = new TreeMap<>();
        if (flow.spec().concurrency() != null) {
            keys.put("flow:" + flow.id(), flow.spec().concurrency());
        }
        for (String tag : flow.spec().tagsOrEmpty()) {
            ConcurrencyLimit limit = tagLimits.get(tag);
            if (limit != null) {
                keys.put("tag:" + tag, limit);
            }
        }
        return keys;
    }

    /** The flows whose runs count against the key. */
    public static List<UUID> flowsOf(String key, Collection<FlowDefinition> flows) {
        if (key.startsWith("flow:")) {
            return List.of(UUID.fromString(key.substring("flow:".length())));
        }
        String tag = key.substring("tag:".length());
        return flows.stream()
                .filter(f -> f.spec().tagsOrEmpty().contains(tag))
                .map(FlowDefinition::id)
                .toList();
    }
}
