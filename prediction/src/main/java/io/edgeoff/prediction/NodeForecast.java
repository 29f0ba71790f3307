package io.edgeoff.prediction;

import io.edgeoff.prediction.trace.NodeId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A node's outlook, as the {@link PredictionEngine} (its only producer) gives it: availability and outage
 * probability of the next slots, the down probability of the next slot, and the reliability figures of
 * {@link Reliability}. The site serves it at {@code /v1/availability}; the simulator hands it to policies as a
 * {@code SiteOutlook}.
 *
 * @param nodeId                the node
 * @param model                 the availability predictor's name
 * @param from                  start of the first forecast slot (the slot containing "now")
 * @param slot                  slot length
 * @param availability          predicted availability per slot, each in [0,1], at least one
 * @param outageProbability     probability that each slot has outage time, each in [0,1] (1 for the current slot
 *                              while {@code down})
 * @param downProbability       probability that an attempt started now finds the node unavailable, in [0,1]:
 *                              {@code 1 -} the down-probability model's availability of the first slot (not
 *                              raised while {@code down}: whether the device can see that is its failure detector's
 *                              business)
 * @param mtbfHours             mean time between failure starts, hours ({@code +Infinity} with fewer than two)
 * @param hoursSinceLastFailure hours since the last failure started ({@code +Infinity} if none)
 * @param failureRatePerSecond  {@code 1 / MTBF} in failures per second (0 with fewer than two failures)
 * @param down                  an outage is in progress at "now"
 */
public record NodeForecast(NodeId nodeId, String model, Instant from, Duration slot, double[] availability,
                           double[] outageProbability, double downProbability, double mtbfHours,
                           double hoursSinceLastFailure, double failureRatePerSecond, boolean down) {
    public NodeForecast {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(model, "model");
        availability = availability.clone();
        outageProbability = outageProbability.clone();
        if (availability.length == 0) {
            throw new IllegalArgumentException("a forecast needs at least one slot, but had none");
        }
        requireProbabilities("availability", availability);
        requireProbabilities("outage probability", outageProbability);
        if (!(downProbability >= 0 && downProbability <= 1)) {
            throw new IllegalArgumentException("down probability must be in [0,1], but was " + downProbability);
        }
        if (!(mtbfHours > 0)) {
            throw new IllegalArgumentException("mtbfHours must be > 0 (or +Infinity), but was " + mtbfHours);
        }
        if (!(hoursSinceLastFailure >= 0)) {
            throw new IllegalArgumentException("hoursSinceLastFailure must be >= 0 (or +Infinity), but was "
                    + hoursSinceLastFailure);
        }
    }

    static void requireProbabilities(String what, double[] values) {
        for (double a : values) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException(what + " must be in [0,1], but was " + a);
            }
        }
    }

    /** @return the predicted availability of the first slot (the slot containing "now") */
    public double predictedAvailability() {
        return availability[0];
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
