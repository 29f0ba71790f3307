package io.edgeoff.prediction;

import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;
import java.time.Instant;

/**
 * What the prediction engine says about one node now: availability and outage probability for the next slots,
 * and the reliability figures the decision engine's {@code SiteOutlook} needs.
 *
 * @param nodeId                the node
 * @param model                 the predictor's name
 * @param from                  start of the first forecast slot (the slot containing "now")
 * @param slot                  slot length
 * @param availability          predicted availability per slot, each in [0,1]
 * @param outageProbability     probability that each slot has outage time, each in [0,1]
 * @param mtbfHours             mean time between failure starts, hours ({@code +Infinity} with fewer than two)
 * @param hoursSinceLastFailure hours since the last failure started ({@code +Infinity} if none)
 * @param failureRatePerSecond  {@code 1 / MTBF} in failures per second (0 with fewer than two failures)
 * @param down                  an outage is in progress at "now"
 */
public record NodeForecast(NodeId nodeId, String model, Instant from, Duration slot, double[] availability,
                           double[] outageProbability, double mtbfHours, double hoursSinceLastFailure,
                           double failureRatePerSecond, boolean down) {
    public NodeForecast {
        availability = availability.clone();
        outageProbability = outageProbability.clone();
        for (double a : availability) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException("availability must be in [0,1], but was " + a);
            }
        }
        for (double p : outageProbability) {
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("outage probability must be in [0,1], but was " + p);
            }
        }
    }

    @Override
    public double[] availability() {
        return availability.clone();
    }

    @Override
    public double[] outageProbability() {
        return outageProbability.clone();
    }
}
