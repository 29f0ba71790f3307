package io.edgeoff.site.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Remembers the result of each idempotency key, so that a repeated request returns the first
 * result without executing again; a repeat that arrives while the first execution is still
 * running waits for it. The {@code capacity} most recently completed keys are remembered (the
 * oldest completed key is forgotten first); keys still executing are remembered in addition. A
 * failed execution is not remembered, so its retry executes.
 *
 * <p>Memory: a site answering tens of thousands of tasks per second keeps every key for a few
 * seconds, long enough for the garbage collector to copy it several times. Completed results are
 * therefore kept in preallocated primitive arrays (a ring in completion order, indexed by an
 * open-addressing hash table), so that the only object kept per key is the key string itself.
 *
 * <p>A handler task's output is real bytes, kept with its key while all kept outputs together stay
 * within {@value #PAYLOAD_BUDGET_BYTES} bytes; a completed handler task whose output does not fit is
 * not remembered (a repeat executes it again: handlers are deterministic, so the answer is the same).
 */
public final class IdempotencyCache {
    /** A remembered key: the fingerprint of its task and its (possibly pending) result. */
    public record Entry(long fingerprint, CompletableFuture<TaskResult> result) {
    }

    /** Most bytes of handler outputs kept at once. */
    public static final long PAYLOAD_BUDGET_BYTES = 64L << 20;

    private final int capacity;
    private final long payloadBudgetBytes;
    /** Handler outputs by slot, allocated at the first one (null for synthetic results). */
    private byte[][] payloads;
    private long payloadBytes;
    private final Map<String, Entry> running = new HashMap<>();
    // The ring of completed results, slot by slot.
    private final String[] keys;
    private final long[] fingerprints;
    private final long[] digests;
    private final int[] outBytes;
    private final long[] queueWaitNanos;
    private final long[] executionNanos;
    /** The key's hash code, slot by slot. */
    private final int[] hashes;
    /**
     * Open addressing with linear probing, at most half full: {@code hash << 32 | slot + 1}, 0 =
     * empty. Keeping the hash here lets lookups and removals probe without reading the keys.
     */
    private final long[] index;
    private final int indexShift;
    private int next;
    private int completed;

    public IdempotencyCache(int capacity) {
        this(capacity, PAYLOAD_BUDGET_BYTES);
    }

    /** @param payloadBudgetBytes  most bytes of handler outputs kept at once, &gt;= 0 */
    public IdempotencyCache(int capacity, long payloadBudgetBytes) {
        if (payloadBudgetBytes < 0) {
            throw new IllegalArgumentException("payloadBudgetBytes must be >= 0, but was " + payloadBudgetBytes);
        }
        this.payloadBudgetBytes = payloadBudgetBytes;
        if (capacity < 1) {
            throw new IllegalArgumentException("idempotency capacity must be >= 1, but was " + capacity);
        }
        if (capacity > 1 << 28) {
            throw new IllegalArgumentException("idempotency capacity must be <= " + (1 << 28) + ", but was " + capacity);
        }
        this.capacity = capacity;
        this.keys = new String[capacity];
        this.fingerprints = new long[capacity];
        this.digests = new long[capacity];
        this.outBytes = new int[capacity];
        this.queueWaitNanos = new long[capacity];
        this.executionNanos = new long[capacity];
        this.hashes = new int[capacity];
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, 2 * capacity - 1));
        this.index = new long[1 << bits];
        this.indexShift = 64 - bits;
    }

    /** @return the entry of {@code key}: running, or completed (then with a completed future) */
    public synchronized Optional<Entry> get(String key) {
        Entry pending = running.get(key);
        if (pending != null) {
            return Optional.of(pending);
        }
        int slot = find(key);
        if (slot < 0) {
            return Optional.empty();
        }
        TaskResult result = new TaskResult(keys[slot], digests[slot], outBytes[slot], queueWaitNanos[slot],
                executionNanos[slot], payloads == null ? null : payloads[slot]);
        return Optional.of(new Entry(fingerprints[slot], CompletableFuture.completedFuture(result)));
    }

    /**
     * Remembers {@code key}: at once when its result is there, else when it completes (a failed
     * execution is not remembered).
     */
    public synchronized void put(String key, Entry entry) {
        CompletableFuture<TaskResult> result = entry.result();
        if (result.isDone()) {
            if (!result.isCompletedExceptionally()) {
                remember(key, entry.fingerprint(), result.join());
            }
            return;
        }
        running.put(key, entry);
        result.whenComplete((r, error) -> completed(key, entry, r, error));
    }

    /** Forgets {@code key} if it is still running as {@code entry} (used when an execution failed). */
    public synchronized void remove(String key, Entry entry) {
        running.remove(key, entry);
    }

    /** @return bytes of handler outputs kept now */
    public synchronized long payloadBytes() {
        return payloadBytes;
    }

    /** @return keys remembered: completed (at most the capacity) and running */
    public synchronized int size() {
        return completed + running.size();
    }

    private synchronized void completed(String key, Entry entry, TaskResult result, Throwable error) {
        if (running.remove(key, entry) && error == null) {
            remember(key, entry.fingerprint(), result);
        }
    }

    private void remember(String key, long fingerprint, TaskResult result) {
        byte[] payload = result.payload();
        if (payload != null && payload.length > payloadBudgetBytes - payloadBytes) {
            return; // no room for its output: not remembered, a repeat executes again
        }
        int slot = find(key);
        if (slot < 0) {
            slot = next;
            next = next + 1 == capacity ? 0 : next + 1;
            if (keys[slot] != null) {
                unindex(slot);
            } else {
                completed++;
            }
            keys[slot] = key;
            hashes[slot] = key.hashCode();
            index(slot);
        }
        fingerprints[slot] = fingerprint;
        digests[slot] = result.digest();
        outBytes[slot] = result.outBytes();
        queueWaitNanos[slot] = result.queueWaitNanos();
        executionNanos[slot] = result.executionNanos();
        if (payloads != null && payloads[slot] != null) {
            payloadBytes -= payloads[slot].length;
            payloads[slot] = null;
        }
        if (payload != null) {
            if (payloads == null) {
                payloads = new byte[capacity][];
            }
            payloads[slot] = payload;
            payloadBytes += payload.length;
        }
    }

    private int home(int hash) {
        return (int) ((hash * 0x9E3779B97F4A7C15L) >>> indexShift);
    }

    private int find(String key) {
        int mask = index.length - 1;
        int hash = key.hashCode();
        for (int i = home(hash); ; i = (i + 1) & mask) {
            long entry = index[i];
            if (entry == 0) {
                return -1;
            }
            int slot = (int) entry - 1;
            if ((int) (entry >>> 32) == hash && keys[slot].equals(key)) {
                return slot;
            }
        }
    }

    private void index(int slot) {
        int mask = index.length - 1;
        int i = home(hashes[slot]);
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = (long) hashes[slot] << 32 | (slot + 1);
    }

    /** Removes a slot from the index, shifting later entries of its probe run back (no tombstones). */
    private void unindex(int slot) {
        int mask = index.length - 1;
        int i = home(hashes[slot]);
        while ((int) index[i] != slot + 1) {
            i = (i + 1) & mask;
        }
        index[i] = 0;
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int h = home((int) (index[j] >>> 32));
            // The entry at j may move to the hole at i unless its home lies cyclically in (i, j].
            boolean stays = i <= j ? (i < h && h <= j) : (i < h || h <= j);
            if (!stays) {
                index[i] = index[j];
                index[j] = 0;
                i = j;
            }
        }
    }
}
