package io.edgeoff.device;

import java.util.concurrent.locks.LockSupport;

/**
 * The device's monotonic time source and its way of waiting. Injected everywhere time is measured or
 * waited for, so tests can substitute a manual clock. {@link #nanoTime()} is monotonic (for measuring),
 * never wall time.
 */
public interface DeviceClock {

    /** @return monotonic time in nanoseconds (arbitrary origin) */
    long nanoTime();

    /** Waits about {@code nanos} nanoseconds (returns early if the thread is interrupted). */
    void sleepNanos(long nanos);

    /** The JVM's monotonic clock; waits by parking the thread. */
    DeviceClock SYSTEM = new DeviceClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) {
            long deadline = System.nanoTime() + nanos;
            long left = nanos;
            while (left > 0 && !Thread.currentThread().isInterrupted()) {
                LockSupport.parkNanos(left);
                left = deadline - System.nanoTime();
            }
        }
    };

    /** @return seconds elapsed since {@code startNanos} */
    default double secondsSince(long startNanos) {
        return (nanoTime() - startNanos) / 1e9;
    }
}
