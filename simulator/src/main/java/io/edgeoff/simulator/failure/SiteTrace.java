package io.edgeoff.simulator.failure;

import io.edgeoff.decision.SiteOutlook;
import io.edgeoff.prediction.FailureTimeline;
import io.edgeoff.prediction.NodeForecast;
import io.edgeoff.prediction.PredictionEngine;
import io.edgeoff.prediction.SlotForecast;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import io.edgeoff.simulator.availability.NodeHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One remote site's failure trace as the simulator replays it: the node's history, a predictor's daily
 * forecast, and what the device may know at a position of the trace. Positions are seconds since the
 * series start, in {@code [0, lengthSeconds)}; the series is replayed cyclically. Immutable, shared by threads.
 *
 * <p>The outlook handed to policies at a position in day {@code d} is the prediction engine's
 * ({@link PredictionEngine#outlook}, the same code the site's {@code /v1/availability} runs) at the instant
 * {@code seriesStart + position}: {@code predictedAvailability} = the forecast of day {@code d};
 * {@code downProbability} = 1 - a second forecast of day {@code d} (by default walk-forward, from the days before
 * {@code d} only: what the site's failure monitor has observed); {@code mtbfHours} and {@code hoursSinceLastFailure}
 * from the outages that started before that instant in this cycle of the replay (infinite before the first one,
 * MTBF infinite until the second); {@code suspected} = false; {@code failureRatePerSecond} = 0 (the seed's per-epoch
 * failure model, as on the device). The day-start outlooks are computed once; an outlook inside a day costs one
 * binary search.
 */
public final class SiteTrace {
    private static final Duration DAY = Duration.ofDays(1);

    private final NodeHistory history;
    private final double[] forecast;
    private final SlotForecast[] dayForecasts;
    private final FailureTimeline failures;
    private final NodeId nodeId;
    private final long seriesStartNanos;
    private final double lengthSeconds;
    private final SiteOutlook[] dayStartOutlooks;
    private final double[] boundaries;

    /**
     * @param history       the node's history
     * @param forecast      predicted availability per day (the outlook's {@code predictedAvailability})
     * @param downForecast  availability per day whose complement is the outlook's {@code downProbability}
     */
    public SiteTrace(NodeHistory history, double[] forecast, double[] downForecast) {
        this.history = Objects.requireNonNull(history, "history");
        this.forecast = clamped(history, forecast, "forecast");
        double[] down = clamped(history, downForecast, "down forecast");
        this.lengthSeconds = history.lengthSeconds();
        this.boundaries = boundaries(history);
        this.nodeId = NodeId.of(history.node());
        this.seriesStartNanos = FailureTimeline.nanos(history.seriesStart());
        this.failures = FailureTimeline.of(nodeId, outages(nodeId, history));
        this.dayForecasts = new SlotForecast[history.days()];
        this.dayStartOutlooks = new SiteOutlook[history.days()];
        for (int d = 0; d < dayStartOutlooks.length; d++) {
            dayForecasts[d] = SlotForecast.ofOneSlot("trace", instant(d * NodeHistory.DAY_SECONDS), DAY,
                    this.forecast[d], down[d]);
            dayStartOutlooks[d] = computeOutlook(d * NodeHistory.DAY_SECONDS);
        }
    }

    private static List<Outage> outages(NodeId id, NodeHistory history) {
        double[] starts = history.outageStartSeconds();
        double[] ends = history.outageEndSeconds();
        List<Outage> outages = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            outages.add(new Outage(id, history.seriesStart().plusNanos(Math.round(starts[i] * 1e9)),
                    Duration.ofNanos(Math.round((ends[i] - starts[i]) * 1e9))));
        }
        return outages;
    }

    private static double[] clamped(NodeHistory history, double[] values, String what) {
        if (values.length != history.days()) {
            throw new IllegalArgumentException("node " + history.node() + ": " + what + " has " + values.length
                    + " days but the availability series has " + history.days());
        }
        double[] v = values.clone();
        for (int d = 0; d < v.length; d++) {
            if (Double.isNaN(v[d])) {
                throw new IllegalArgumentException("node " + history.node() + ": " + what + " of day " + d + " is NaN");
            }
            v[d] = Math.min(1.0, Math.max(0.0, v[d]));
        }
        return v;
    }

    public NodeHistory history() {
        return history;
    }

    public int days() {
        return history.days();
    }

    public double lengthSeconds() {
        return lengthSeconds;
    }

    /** @return actual availability of {@code day} (taken modulo the series length) */
    public double actualAvailability(int day) {
        return history.dailyAvailability()[Math.floorMod(day, days())];
    }

    /** @return the forecast of {@code day} (modulo the series length), clamped to [0,1] */
    public double forecast(int day) {
        return forecast[Math.floorMod(day, days())];
    }

    /** The outlook at the start of {@code day} (modulo the series length); precomputed. */
    public SiteOutlook dayStartOutlook(int day) {
        return dayStartOutlooks[Math.floorMod(day, days())];
    }

    /** The outlook at {@code positionSeconds} (wrapped into the series). */
    public SiteOutlook outlookAt(double positionSeconds) {
        return computeOutlook(wrap(positionSeconds));
    }

    /** @return true when an outage covers {@code positionSeconds} (wrapped) */
    public boolean downAt(double positionSeconds) {
        double p = wrap(positionSeconds);
        int i = firstEndAfter(p);
        return i >= 0 && history.outageStartSeconds()[i] <= p;
    }

    /**
     * @return true when the node is down at any moment of {@code [positionSeconds, positionSeconds + lengthSeconds)}
     *         (trace seconds, wrapped)
     */
    public boolean downDuring(double positionSeconds, double durationSeconds) {
        if (history.outageStartSeconds().length == 0) {
            return false;
        }
        if (durationSeconds >= lengthSeconds) {
            return true;
        }
        double from = wrap(positionSeconds);
        double to = from + durationSeconds;
        if (to <= lengthSeconds) {
            return overlaps(from, to);
        }
        return overlaps(from, lengthSeconds) || overlaps(0, to - lengthSeconds);
    }

    /** @return the number of outages in one cycle of the series */
    public int outageCount() {
        return history.outageStartSeconds().length;
    }

    /**
     * The end of the first-ending outage that overlaps {@code [positionSeconds, positionSeconds + durationSeconds)}
     * (when {@link #downDuring} is true), as an unwrapped position (in the same cycle as {@code positionSeconds}, or
     * the next when the overlap is after the wrap). No attempt starting before it avoids that outage.
     *
     * @throws IllegalArgumentException when no outage overlaps
     */
    public double endOfOverlappingOutage(double positionSeconds, double durationSeconds) {
        if (!downDuring(positionSeconds, durationSeconds)) {
            throw new IllegalArgumentException("no outage overlaps [" + positionSeconds + ", "
                    + (positionSeconds + durationSeconds) + ") of node " + history.node());
        }
        double wrapped = wrap(positionSeconds);
        double cycleStart = positionSeconds - wrapped;
        int i = firstEndAfter(wrapped);
        if (i >= 0) {
            return cycleStart + history.outageEndSeconds()[i];
        }
        return cycleStart + lengthSeconds + history.outageEndSeconds()[0];
    }

    /**
     * Outage boundaries of one cycle, ascending: start of outage 0, its end, start of outage 1, ... (even
     * indices go down, odd indices come back up). Empty when the node never fails.
     */
    public double[] boundaries() {
        return boundaries.clone();
    }

    private static double[] boundaries(NodeHistory history) {
        double[] starts = history.outageStartSeconds();
        double[] ends = history.outageEndSeconds();
        double[] b = new double[2 * starts.length];
        for (int i = 0; i < starts.length; i++) {
            b[2 * i] = starts[i];
            b[2 * i + 1] = ends[i];
        }
        return b;
    }

    /** @return index in {@link #boundaries()} of the first boundary strictly after {@code position} in [0, length), or the count */
    public int firstBoundaryAfter(double position) {
        double[] b = boundaries;
        int i = 0;
        while (i < b.length && b[i] <= position) {
            i++;
        }
        return i;
    }

    private boolean overlaps(double from, double to) {
        int i = firstEndAfter(from);
        return i >= 0 && history.outageStartSeconds()[i] < to;
    }

    /** Index of the first outage whose end is after {@code position}, or -1. */
    private int firstEndAfter(double position) {
        double[] ends = history.outageEndSeconds();
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] > position) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo < ends.length ? lo : -1;
    }

    private double wrap(double positionSeconds) {
        double p = positionSeconds % lengthSeconds;
        return p < 0 ? p + lengthSeconds : p;
    }

    /** The prediction engine's outlook at {@code positionSeconds} (wrapped into the series). */
    public NodeForecast forecastAt(double positionSeconds) {
        return forecastAtWrapped(wrap(positionSeconds));
    }

    /** {@link #forecastAt} at a position already in {@code [0, lengthSeconds)}. */
    private NodeForecast forecastAtWrapped(double position) {
        int day = (int) Math.min(days() - 1, Math.floor(position / NodeHistory.DAY_SECONDS));
        return PredictionEngine.outlook(nodeId, dayForecasts[day], failures,
                seriesStartNanos + Math.round(position * 1e9));
    }

    private SiteOutlook computeOutlook(double position) {
        NodeForecast f = forecastAtWrapped(position);
        return new SiteOutlook(f.predictedAvailability(), f.downProbability(), 0.0, f.mtbfHours(),
                f.hoursSinceLastFailure(), false);
    }

    private Instant instant(double position) {
        return history.seriesStart().plusNanos(Math.round(position * 1e9));
    }
}
