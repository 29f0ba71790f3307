package io.edgeoff.site.injection;

import java.util.Optional;

/**
 * One outage of a failure trace, in trace time.
 *
 * @param startOffsetSeconds  start, seconds after the trace's origin, &gt;= 0
 * @param durationSeconds     length, s, &gt; 0
 * @param mode                how the site fails; empty for the replay's default mode
 */
public record TraceOutage(double startOffsetSeconds, double durationSeconds, Optional<OutageMode> mode) {
    public TraceOutage {
        if (!(startOffsetSeconds >= 0) || !Double.isFinite(startOffsetSeconds)) {
            throw new IllegalArgumentException("outage start offset must be >= 0 s, but was " + startOffsetSeconds);
        }
        if (!(durationSeconds > 0) || !Double.isFinite(durationSeconds)) {
            throw new IllegalArgumentException("outage duration must be > 0 s, but was " + durationSeconds);
        }
    }

    public double endOffsetSeconds() {
        return startOffsetSeconds + durationSeconds;
    }
}
