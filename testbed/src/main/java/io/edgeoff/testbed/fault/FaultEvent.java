package io.edgeoff.testbed.fault;

import java.util.Objects;

/**
 * One fault in trace time.
 *
 * @param startSeconds     when it begins, trace seconds from the start of the run, &gt;= 0
 * @param siteId           the remote site it hits
 * @param kind             what it does
 * @param durationSeconds  how long it lasts, trace seconds, &gt; 0
 * @param extraDelayMillis extra one-way delay of a {@link FaultKind#DEGRADE}, ms, &gt;= 0
 * @param lossProbability  loss of a {@link FaultKind#DEGRADE}, in [0,1]
 */
public record FaultEvent(double startSeconds, String siteId, FaultKind kind, double durationSeconds,
                         double extraDelayMillis, double lossProbability) {
    public FaultEvent {
        Objects.requireNonNull(siteId, "siteId");
        Objects.requireNonNull(kind, "kind");
        if (!(startSeconds >= 0) || !Double.isFinite(startSeconds)) {
            throw new IllegalArgumentException("fault start must be >= 0 s, but was " + startSeconds);
        }
        if (!(durationSeconds > 0) || !Double.isFinite(durationSeconds)) {
            throw new IllegalArgumentException("fault duration must be > 0 s, but was " + durationSeconds);
        }
        if (!(extraDelayMillis >= 0) || !Double.isFinite(extraDelayMillis)) {
            throw new IllegalArgumentException("extra delay must be >= 0 ms, but was " + extraDelayMillis);
        }
        if (!(lossProbability >= 0 && lossProbability <= 1)) {
            throw new IllegalArgumentException("loss must be in [0,1], but was " + lossProbability);
        }
        if (kind == FaultKind.DEGRADE && extraDelayMillis == 0 && lossProbability == 0) {
            throw new IllegalArgumentException("a degrade fault needs extra delay or loss, but has neither");
        }
    }

    /** A crash or link-down fault. */
    public static FaultEvent of(double startSeconds, String siteId, FaultKind kind, double durationSeconds) {
        return new FaultEvent(startSeconds, siteId, kind, durationSeconds, 0, 0);
    }

    public double endSeconds() {
        return startSeconds + durationSeconds;
    }
}
