package io.edgeoff.prediction;

import io.edgeoff.prediction.availability.NodeReliability;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A node's failures, sorted once, so that its {@link Reliability} at any moment costs a binary search: the one
 * "since the last failure" search of the project. {@link Reliability#at} builds one for a single question; the
 * simulator keeps one per node and asks it at every epoch. Immutable and thread-safe.
 */
public final class FailureTimeline {
    private static final double NANOS_PER_HOUR = 3600e9;

    private final NodeId nodeId;
    /** Outage starts, ns since the epoch, ascending. */
    private final long[] startNanos;
    /** {@code maxEndNanos[i]}: the latest end of outages {@code 0..i} (outages may overlap). */
    private final long[] maxEndNanos;

    private FailureTimeline(NodeId nodeId, long[] startNanos, long[] maxEndNanos) {
        this.nodeId = nodeId;
        this.startNanos = startNanos;
        this.maxEndNanos = maxEndNanos;
    }

    /**
     * @param nodeId  the node
     * @param outages its outages, any order; one still in progress has the length known so far, or any length
     *                reaching past the moments it will be asked about
     * @throws IllegalArgumentException if an outage belongs to another node
     */
    public static FailureTimeline of(NodeId nodeId, List<Outage> outages) {
        Objects.requireNonNull(nodeId, "nodeId");
        List<Outage> sorted = new ArrayList<>(outages);
        sorted.sort(Comparator.comparing(Outage::start));
        long[] starts = new long[sorted.size()];
        long[] maxEnds = new long[sorted.size()];
        long maxEnd = Long.MIN_VALUE;
        for (int i = 0; i < starts.length; i++) {
            Outage o = sorted.get(i);
            if (!o.nodeId().equals(nodeId)) {
                throw new IllegalArgumentException("outage of node " + o.nodeId() + " given for node " + nodeId);
            }
            starts[i] = nanos(o.start());
            maxEnd = Math.max(maxEnd, nanos(o.end()));
            maxEnds[i] = maxEnd;
        }
        return new FailureTimeline(nodeId, starts, maxEnds);
    }

    public NodeId nodeId() {
        return nodeId;
    }

    /** @return the number of outages on the timeline */
    public int size() {
        return startNanos.length;
    }

    /**
     * What the failures that started before {@code now} say about the node at {@code now}: their count, the
     * project's MTBF ({@link NodeReliability#mtbfHours(int, Duration)}, infinite below two failures), hours since
     * the last one started (infinite if none) and whether one is still in progress.
     */
    public Reliability at(Instant now) {
        return atEpochNanos(nanos(now));
    }

    /**
     * {@link #at(Instant)} for a moment given in nanoseconds since the epoch (for callers on a hot path, such as the
     * simulator's replay, that keep time as a number).
     */
    public Reliability atEpochNanos(long now) {
        int failures = countStartedBefore(now);
        if (failures == 0) {
            return Reliability.neverFailed();
        }
        long last = startNanos[failures - 1];
        double mtbf = NodeReliability.mtbfHours(failures, last - startNanos[0]);
        double rate = Double.isFinite(mtbf) ? 1 / (mtbf * 3600) : 0;
        double hoursSince = Math.max(0, (now - last) / NANOS_PER_HOUR);
        boolean down = maxEndNanos[failures - 1] > now;
        return new Reliability(failures, mtbf, hoursSince, rate, down);
    }

    /** @return {@code t} in nanoseconds since the epoch */
    public static long nanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }

    /** Number of starts strictly before {@code t}. */
    private int countStartedBefore(long t) {
        int lo = 0;
        int hi = startNanos.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (startNanos[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
