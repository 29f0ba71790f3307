package io.edgeoff.prediction.availability;

import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Reliability figures of one node from its outages.
 *
 * @param nodeId        the node
 * @param failures      number of outages (as listed, not merged)
 * @param firstFailure  start of the first outage
 * @param lastFailure   start of the last outage
 * @param mtbfHours     mean time between failure starts: (last start - first start) / (failures - 1), in hours;
 *                      {@code +Infinity} with a single failure
 * @param seedMtbfHours the seed's definition: (last start - first start) in days * 24 / failures
 * @param mttrHours     mean outage length in hours
 */
public record NodeReliability(NodeId nodeId, int failures, Instant firstFailure, Instant lastFailure,
                              double mtbfHours, double seedMtbfHours, double mttrHours) {

    private static final double NANOS_PER_HOUR = 3600e9;

    /**
     * @throws IllegalArgumentException if there is no outage
     */
    public static NodeReliability of(NodeId nodeId, List<Outage> outages) {
        if (outages.isEmpty()) {
            throw new IllegalArgumentException("node " + nodeId + " has no outage: MTBF is undefined");
        }
        Instant first = outages.stream().map(Outage::start).min(Comparator.naturalOrder()).orElseThrow();
        Instant last = outages.stream().map(Outage::start).max(Comparator.naturalOrder()).orElseThrow();
        double spanHours = Duration.between(first, last).toNanos() / NANOS_PER_HOUR;
        int n = outages.size();
        double mtbf = n < 2 ? Double.POSITIVE_INFINITY : spanHours / (n - 1);
        double seedMtbf = Duration.between(first, last).toDays() * 24.0 / n;
        double mttr = outages.stream().mapToDouble(o -> o.length().toNanos() / NANOS_PER_HOUR).average().orElse(0);
        return new NodeReliability(nodeId, n, first, last, mtbf, seedMtbf, mttr);
    }

    /** Hours from the last failure start to {@code now} (0 if {@code now} is before it). */
    public double hoursSinceLastFailure(Instant now) {
        return Math.max(0, Duration.between(lastFailure, now).toNanos() / NANOS_PER_HOUR);
    }
}
