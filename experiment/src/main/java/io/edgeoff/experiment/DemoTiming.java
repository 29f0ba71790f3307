package io.edgeoff.experiment;

import java.time.Duration;

/**
 * The demo's one time setting and what follows from it. {@link #TIME_COMPRESSION} (trace seconds per wall-clock
 * second) is the default of {@code edgeoff demo --time-compression}; the outage schedule the sites replay and the
 * slots the sites forecast both run at it, so changing it here moves both together.
 *
 * <p>Forecast slots: the sites forecast slots of {@link #TRACE_SLOT} of trace time (one hour, not the seed's day), so
 * one slot lasts {@code TRACE_SLOT / compression} of wall-clock time (1 s at 3600x, 6 s at 600x) and a two-minute run
 * spans tens of slots: the forecasts move with every slot and after every outage, instead of standing still for a
 * trace day (24 s at 3600x, 144 s at 600x). Each site learns from its node's history ({@link #HISTORY_WINDOW} of it,
 * in the same hourly slots: 1 440 slots, which the seed's SVR fits in well under a second) followed by its own
 * failure file.
 */
public final class DemoTiming {
    /** Default trace seconds per wall-clock second of {@code edgeoff demo}. */
    public static final double TIME_COMPRESSION = 3600;
    /** {@link #TIME_COMPRESSION} as the command line's default text. */
    public static final String TIME_COMPRESSION_TEXT = "3600";
    /** Slot of trace time the demo's sites forecast. */
    public static final Duration TRACE_SLOT = Duration.ofHours(1);
    /** How much of a node's history (trace time, before the run) a demo site learns from. */
    public static final Duration HISTORY_WINDOW = Duration.ofDays(60);
    /** A demo site retrains after this many new slots (and after each new failure of its own). */
    public static final int RETRAIN_EVERY_SLOTS = 10;

    private DemoTiming() {
    }

    /** @return the wall-clock length of one forecast slot at {@code timeCompression} */
    public static Duration wallSlot(double timeCompression) {
        return Duration.ofNanos(Math.round(TRACE_SLOT.toNanos() / timeCompression));
    }
}
