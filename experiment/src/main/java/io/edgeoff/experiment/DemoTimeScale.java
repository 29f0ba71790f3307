package io.edgeoff.experiment;

import java.time.Duration;

/**
 * How fast the demo's sites replay failure-trace time: trace seconds per wall-clock second. The one setting that
 * turns trace time into wall time for the sites' replay, their forecast slots and the reports' timeline.
 *
 * <p>The default, {@value #DEFAULT_TEXT} (one trace hour in 10 s), makes the LANL-fitted outages (median about 50
 * minutes) last about 5-10 s of wall time: several executions of every policy, which take about 1 s each.
 *
 * <p>Forecast slots: the demo's sites forecast slots of {@link #TRACE_SLOT} of trace time (one hour, not the seed's
 * day), so one slot lasts {@code TRACE_SLOT / compression} of wall-clock time (10 s at 360x) and a run of a few
 * minutes spans tens of slots: the forecasts move with every slot and after every outage, instead of standing still
 * for a trace day (240 s at 360x). Each site learns from its node's history ({@link #HISTORY_WINDOW} of it, in the
 * same hourly slots: 1 440 slots, which the seed's SVR fits in well under a second) followed by its own failure file,
 * and retrains every {@link #RETRAIN_EVERY_SLOTS} slots and after each failure of its own.
 *
 * @param traceSecondsPerWallSecond trace seconds per wall-clock second, &gt; 0 and finite
 */
public record DemoTimeScale(double traceSecondsPerWallSecond) {
    /** The default compression as text, for command-line defaults. */
    public static final String DEFAULT_TEXT = "360";
    /** The default compression: one trace hour per 10 s of wall time. */
    public static final DemoTimeScale DEFAULT = new DemoTimeScale(Double.parseDouble(DEFAULT_TEXT));
    /** Slot of trace time the demo's sites forecast. */
    public static final Duration TRACE_SLOT = Duration.ofHours(1);
    /** How much of a node's history (trace time, before the run) a demo site learns from. */
    public static final Duration HISTORY_WINDOW = Duration.ofDays(60);
    /** A demo site retrains after this many new slots (and after each new failure of its own). */
    public static final int RETRAIN_EVERY_SLOTS = 10;

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
