package org.frontline.extract.internal.speakers;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * A thread-safe memo of a pure function of names and their words, shared by all articles: the same people
 * and organisations recur from article to article, and working out a canonical key (NFKD and the
 * romanisation rules) costs far more than looking it up. Emptied when it reaches its capacity, so it stays
 * small whatever the stream.
 */
final class RecurringNames {

    private final UnaryOperator<String> function;
    private final int capacity;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    RecurringNames(UnaryOperator<String> function, int capacity) {
        this.function = function;
        this.capacity = capacity;
    }

    /** The function's value for {@code name}, worked out once while it stays in the memo. */
    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            value = function.apply(name);
            if (values.size() >= capacity) {
                values.clear();
            }
            values.put(name, value);
        }
        return value;
    }
}
