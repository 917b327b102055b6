package io.tributary.orchestrator.dashboard;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tributary.contract.Topics;

/** What a feed item is, by the topic it was read from; its name is the SSE event name. */
public enum FeedKind {
    EVENT("event", Topics.EVENTS),
    DEAD_LETTER("dead-letter", Topics.EVENTS_DLQ),
    RESULT("result", Topics.RESULTS);

    private final String label;
    private final String topic;

    FeedKind(String label, String topic) {
        this.label = label;
        this.topic = topic;
    }

    @JsonValue
    public String label() {
        return label;
    }

    String topic() {
        return topic;
    }

    static FeedKind ofTopic(String topic) {
        for (FeedKind kind : values()) {
            if (kind.topic.equals(topic)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not a dashboard topic: " + topic);
    }

    /** The kind a query names ({@code event}, {@code dead-letter}, {@code result}); null when none. */
    static FeedKind ofLabel(String label) {
        for (FeedKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
