package io.edgeoff.site.execution;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers the result of each idempotency key (the most recent {@code capacity} keys), so that a
 * repeated request returns the first result without executing again; a repeat that arrives while
 * the first execution is still running waits for it. Results are small (the output is regenerated
 * from the digest), so {@code capacity} bounds memory.
 */
public final class IdempotencyCache {
    /** A remembered key: the fingerprint of its task and its (possibly pending) result. */
    public record Entry(long fingerprint, CompletableFuture<TaskResult> result) {
    }

    private final Map<String, Entry> entries;

    public IdempotencyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("idempotency capacity must be >= 1, but was " + capacity);
        }
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized Optional<Entry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    public synchronized void put(String key, Entry entry) {
        entries.put(key, entry);
    }

    /** Forgets {@code key} if it still maps to {@code entry} (used when an execution failed). */
    public synchronized void remove(String key, Entry entry) {
        entries.remove(key, entry);
    }

    public synchronized int size() {
        return entries.size();
    }
}
