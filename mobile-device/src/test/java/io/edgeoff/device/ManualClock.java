package io.edgeoff.device;

import java.util.concurrent.atomic.AtomicLong;

/** Test clock: time moves only when told (or when something sleeps on it). */
public final class ManualClock implements DeviceClock {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    @Override
    public void sleepNanos(long nanos) {
        advanceNanos(nanos);
    }

    public void advanceMillis(long millis) {
        advanceNanos(millis * 1_000_000L);
    }

    public void advanceNanos(long delta) {
        nanos.addAndGet(delta);
    }
}
