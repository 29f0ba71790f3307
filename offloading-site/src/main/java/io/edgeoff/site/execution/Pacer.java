package io.edgeoff.site.execution;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/** Waits until a point in monotonic time: what makes a task take {@code MI / MIPS} seconds. */
@FunctionalInterface
public interface Pacer {
    /** Returns at or after {@code deadlineNanos} of the pacer's time source. */
    void awaitUntil(long deadlineNanos);

    /**
     * A pacer that parks the calling thread against {@code nanoTime} (e.g. {@code System::nanoTime}).
     * An interrupt (the site is stopping) ends the wait with a {@link java.util.concurrent.CancellationException}.
     */
    static Pacer parking(LongSupplier nanoTime) {
        return deadline -> {
            long remaining;
            while ((remaining = deadline - nanoTime.getAsLong()) > 0) {
                LockSupport.parkNanos(remaining);
                if (Thread.interrupted()) {
                    Thread.currentThread().interrupt();
                    throw new java.util.concurrent.CancellationException("the site is stopping");
                }
            }
        };
    }
}
