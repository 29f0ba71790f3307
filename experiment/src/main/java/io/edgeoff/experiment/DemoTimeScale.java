package io.edgeoff.experiment;

import java.time.Duration;

/**
 * How fast the demo's sites replay failure-trace time: trace seconds per wall-clock second. The one setting that
 * turns trace time into wall time for the sites' replay, their forecast slots and the reports' timeline.
 *
 * <p>The default, {@value #DEFAULT_TEXT} (one trace hour in 10 s), makes the LANL-fitted outages (median about 50
 * minutes) last about 5-10 s of wall time: several executions of every policy, which take about 1 s each.
 *
 * @param traceSecondsPerWallSecond trace seconds per wall-clock second, &gt; 0 and finite
 */
public record DemoTimeScale(double traceSecondsPerWallSecond) {
    /** The default compression as text, for command-line defaults. */
    public static final String DEFAULT_TEXT = "360";
    /** The default compression: one trace hour per 10 s of wall time. */
    public static final DemoTimeScale DEFAULT = new DemoTimeScale(Double.parseDouble(DEFAULT_TEXT));

    public DemoTimeScale {
        if (!(traceSecondsPerWallSecond > 0) || !Double.isFinite(traceSecondsPerWallSecond)) {
            throw new IllegalArgumentException("--time-compression must be > 0, but was " + traceSecondsPerWallSecond);
        }
    }

    /** @return the wall-clock seconds that {@code traceSeconds} of trace time last */
    public double wallSeconds(double traceSeconds) {
        return traceSeconds / traceSecondsPerWallSecond;
    }

    /** @return the trace seconds that pass in {@code wallSeconds} of wall-clock time */
    public double traceSeconds(double wallSeconds) {
        return wallSeconds * traceSecondsPerWallSecond;
    }

    /** @return the wall-clock length of {@code trace} of trace time (e.g. of a one-hour forecast slot) */
    public Duration wall(Duration trace) {
        return Duration.ofNanos(Math.round(trace.toNanos() / traceSecondsPerWallSecond));
    }
}
