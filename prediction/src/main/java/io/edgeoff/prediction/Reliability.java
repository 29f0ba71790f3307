package io.edgeoff.prediction;

import io.edgeoff.prediction.availability.NodeReliability;
import io.edgeoff.prediction.trace.NodeId;
import io.edgeoff.prediction.trace.Outage;
import java.time.Instant;
import java.util.List;

/**
 * What a node's failures so far say about it at a moment: the reliability half of a site's outlook (the other
 * half is the predicted availability). Computed only by {@link FailureTimeline#at}, for the
 * {@link PredictionEngine}'s outlook, which the site's {@code /v1/availability} and the simulator serve.
 *
 * @param failures              failures that started before the moment
 * @param mtbfHours             {@link NodeReliability#mtbfHours(int, java.time.Duration)}: hours, &gt; 0;
 *                              {@code +Infinity} with fewer than two failures (no interval observed)
 * @param hoursSinceLastFailure hours since the last failure started, &gt;= 0; {@code +Infinity} if none
 * @param failureRatePerSecond  {@code 1 / MTBF} in failures per second (0 while MTBF is infinite)
 * @param down                  an outage is in progress at the moment
 */
public record Reliability(int failures, double mtbfHours, double hoursSinceLastFailure, double failureRatePerSecond,
                          boolean down) {
    public Reliability {
        if (failures < 0) {
            throw new IllegalArgumentException("failures must be >= 0, but was " + failures);
        }
        if (!(mtbfHours > 0)) {
            throw new IllegalArgumentException("mtbfHours must be > 0, but was " + mtbfHours);
        }
        if (!(hoursSinceLastFailure >= 0)) {
            throw new IllegalArgumentException("hoursSinceLastFailure must be >= 0, but was " + hoursSinceLastFailure);
        }
        if (!(failureRatePerSecond >= 0)) {
            throw new IllegalArgumentException("failureRatePerSecond must be >= 0, but was " + failureRatePerSecond);
        }
    }

    /** A node with no failure: MTBF and time since the last failure infinite, rate 0, up. */
    public static Reliability neverFailed() {
        return new Reliability(0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0, false);
    }

    /**
     * @param nodeId  the node
     * @param outages its outages (any order); those starting at or after {@code now} are ignored; one still in
     *                progress has the length known so far, or any length reaching past {@code now}
     * @param now     the moment
     */
    public static Reliability at(NodeId nodeId, List<Outage> outages, Instant now) {
        return FailureTimeline.of(nodeId, outages).at(now);
    }
}
