package org.frontline.producer.source;

import java.util.LinkedHashMap;
import java.util.Map;

/** The keys of the items offered lately, the least recently seen forgotten first beyond a capacity. */
final class FeedKeys {

    private final Map<String, Boolean> keys;

    FeedKeys(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("the capacity must be positive, not " + capacity);
        }
        this.keys = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** Remembers a key; false when it was known already (and is now the most recently seen). */
    synchronized boolean add(String key) {
        return keys.put(key, Boolean.TRUE) == null;
    }

    /** Forgets a key, so that its item is offered again. */
    synchronized void remove(String key) {
        keys.remove(key);
    }

    synchronized boolean contains(String key) {
        return keys.containsKey(key);
    }

    synchronized int size() {
        return keys.size();
    }
}
