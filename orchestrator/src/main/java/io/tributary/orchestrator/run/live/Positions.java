package io.tributary.orchestrator.run.live;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far a reader of {@code tributary.runs} got: per partition, the offset of the next record to read. Every record
 * before these offsets has been offered to the subscriber; resuming from them misses nothing and repeats nothing.
 * Written as an SSE event id, {@code p0-o1532.p1-o1498}: every partition the reader knows, so that the last id a
 * client holds is enough to resume on any replica. A partition it does not name is read from its beginning (it
 * appeared after the id was issued).
 */
public final class Positions {
    /** Before every partition: what a reader has when the topic does not exist yet. */
    public static final Positions NONE = new Positions(new TreeMap<>());

    static final String EXAMPLE = "p0-o1532.p1-o1498";
    private static final String NONE_ID = "start";
    private static final Pattern ENTRY = Pattern.compile("p(\\d{1,9})-o(\\d{1,18})");

    private final SortedMap<Integer, Long> next;

    private Positions(SortedMap<Integer, Long> next) {
        this.next = Collections.unmodifiableSortedMap(next);
    }

    /** The offset of the partition's next record; 0 (its beginning) for a partition not named. */
    public long of(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    public Set<Integer> partitions() {
        return next.keySet();
    }

    public Positions with(int partition, long nextOffset) {
        SortedMap<Integer, Long> moved = new TreeMap<>(next);
        moved.put(partition, nextOffset);
        return new Positions(moved);
    }

    /** Per partition the further of the two: a resume point that repeats what either has seen. */
    public Positions atLeast(Positions other) {
        SortedMap<Integer, Long> max = new TreeMap<>(next);
        other.next.forEach((partition, offset) -> max.merge(partition, offset, Math::max));
        return new Positions(max);
    }

    /** Whether the record at this partition and offset lies before these positions (was already offered). */
    public boolean covers(int partition, long offset) {
        return offset < of(partition);
    }

    public String encode() {
        if (next.isEmpty()) {
            return NONE_ID;
        }
        StringBuilder id = new StringBuilder();
        for (Map.Entry<Integer, Long> entry : next.entrySet()) {
            if (id.length() > 0) {
                id.append('.');
            }
            id.append('p').append(entry.getKey()).append("-o").append(entry.getValue());
        }
        return id.toString();
    }

    /** @throws IllegalArgumentException when the text is not an id {@link #encode()} wrote */
    public static Positions parse(String id) {
        if (NONE_ID.equals(id)) {
            return NONE;
        }
        SortedMap<Integer, Long> next = new TreeMap<>();
        for (String part : id.split("\\.", -1)) {
            Matcher entry = ENTRY.matcher(part);
            if (!entry.matches()
                    || next.put(Integer.parseInt(entry.group(1)), Long.parseLong(entry.group(2))) != null) {
                throw new IllegalArgumentException("not a stream position: " + id);
            }
        }
        return new Positions(next);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Positions && ((Positions) other).next.equals(next);
    }

    @Override
    public int hashCode() {
        return next.hashCode();
    }

    @Override
    public String toString() {
        return encode();
    }
}
