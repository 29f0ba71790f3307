package io.edgeoff.simulator.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Virtual time in seconds since the start of a simulation. Moves only forward, and only when the
 * simulation takes the next event.
 */
public final class VirtualClock {
    private double nowSeconds;

    /** @return the current virtual time, s */
    public double nowSeconds() {
        return nowSeconds;
    }

    void advanceTo(double timeSeconds) {
        if (timeSeconds < nowSeconds) {
            throw new IllegalStateException("virtual time cannot go back from " + nowSeconds + " s to " + timeSeconds + " s");
        }
        nowSeconds = timeSeconds;
    }

    /**
     * A {@link Clock} view for code that takes an injected clock: {@code origin} plus the virtual time.
     */
    public Clock asClock(Instant origin) {
        VirtualClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("a virtual clock is always UTC");
            }

            @Override
            public Instant instant() {
                return origin.plus(Duration.ofNanos(Math.round(self.nowSeconds * 1e9)));
            }
        };
    }
}
