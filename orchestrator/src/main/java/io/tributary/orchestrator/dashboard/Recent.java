package io.tributary.orchestrator.dashboard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** The newest items of a feed, for a page to open with before the live ones arrive. */
final class Recent {
    private final int capacity;
    private final Deque<FeedItem> items;

    Recent(int capacity) {
        this.capacity = capacity;
        this.items = new ArrayDeque<>(capacity);
    }

    synchronized void add(FeedItem item) {
        if (items.size() == capacity) {
            items.removeFirst();
        }
        items.addLast(item);
    }

    /** Up to {@code limit} items the filter accepts, newest first. */
    synchronized List<FeedItem> newest(FeedFilter filter, int limit) {
        List<FeedItem> newest = new ArrayList<>();
        for (Iterator<FeedItem> it = items.descendingIterator(); it.hasNext() && newest.size() < limit; ) {
            FeedItem item = it.next();
            if (item.matches(filter)) {
                newest.add(item);
            }
        }
        return newest;
    }
}
