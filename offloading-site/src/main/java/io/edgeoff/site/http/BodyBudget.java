package io.edgeoff.site.http;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The memory all task bodies being received may hold together, bytes. A body's buffer grows with
 * the bytes that arrive; each growth is reserved here first, and when the budget is spent the
 * request is answered 503 instead of risking an {@link OutOfMemoryError} for every request in flight.
 */
final class BodyBudget {
    private final long capacityBytes;
    private final AtomicLong reservedBytes = new AtomicLong();

    /** @param capacityBytes  bytes all bodies being received may hold together, &gt; 0 */
    BodyBudget(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacityBytes must be > 0, but was " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /**
     * The default: a quarter of the JVM's maximum heap, and at least {@code maxRequestBytes} (so that
     * one body of the largest accepted size always fits).
     */
    static BodyBudget forHeap(long maxRequestBytes) {
        return new BodyBudget(Math.max(maxRequestBytes, Runtime.getRuntime().maxMemory() / 4));
    }

    /** @return true when {@code bytes} were reserved; false (nothing reserved) when they would exceed the budget */
    boolean tryReserve(long bytes) {
        while (true) {
            long now = reservedBytes.get();
            if (now + bytes > capacityBytes) {
                return false;
            }
            if (reservedBytes.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    void release(long bytes) {
        if (bytes != 0) {
            reservedBytes.addAndGet(-bytes);
        }
    }

    long reservedBytes() {
        return reservedBytes.get();
    }

    long capacityBytes() {
        return capacityBytes;
    }
}
